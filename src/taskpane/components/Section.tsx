import type { ReactNode } from "react";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

/** A titled part of the pane; the heading names the region for screen readers. */
export function Section({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-labelledby={`${id}-heading`} className={styles.root} data-section={id}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        {heading}
      </Subtitle2>
      {children}
    </section>
  );
}
