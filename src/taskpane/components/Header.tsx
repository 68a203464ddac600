import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  brand: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  body: { margin: 0 },
});

export interface HeaderProps {
  logo: string;
  logoAlt: string;
  title: string;
  message: string;
}

/** The product's logo, a welcome title and one paragraph. */
export function Header({ logo, logoAlt, title, message }: HeaderProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <div className={styles.brand}>
        <img src={logo} alt={logoAlt} width={32} height={32} />
        <Title3 as="h1" className={styles.title}>
          {title}
        </Title3>
      </div>
      <Body1 as="p" className={styles.body}>
        {message}
      </Body1>
    </header>
  );
}
