/**
 * A job that failed: its title and the port's sentence as it is (the port words errors in the person's language).
 * One component so every job's failure (run, chart, compare, pick, measure) looks and reads alike.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function Failure({ title, message }: { title: string; message: string }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
