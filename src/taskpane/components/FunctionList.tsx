import { Body1, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  name: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface FunctionHelp {
  /** The name as typed in a cell, such as TIER.RFM. */
  name: string;
  /** One line on what it returns. */
  help: string;
}

/** The custom functions with one line of help each. */
export function FunctionList({ heading, functions }: { heading: string; functions: readonly FunctionHelp[] }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="tiering-functions-heading" className={styles.root}>
      <Subtitle2 as="h2" id="tiering-functions-heading" className={styles.heading}>
        {heading}
      </Subtitle2>
      <ul className={styles.list}>
        {functions.map((fn) => (
          <li key={fn.name} className={styles.item}>
            <Body1 className={styles.name} translate="no">
              {fn.name}
            </Body1>
            <Caption1>{fn.help}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
