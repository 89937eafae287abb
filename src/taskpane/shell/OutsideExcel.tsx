import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { OutsideReason } from "../office/host";
import type { Strings } from "../i18n/i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

export interface OutsideExcelProps {
  reason: OutsideReason;
  strings: Strings;
}

export function OutsideExcel({ reason, strings }: OutsideExcelProps) {
  const styles = useStyles();
  const detail = {
    browser: strings.outsideBody,
    "other-host": strings.otherHostBody,
    "no-office-js": strings.noOfficeJsBody,
    "ready-timeout": strings.readyTimeoutBody,
  }[reason];
  const title = reason === "ready-timeout" ? strings.readyTimeoutTitle : strings.outsideTitle;
  return (
    <section className={styles.root} data-testid="outside-excel">
      <MessageBar intent={reason === "no-office-js" || reason === "ready-timeout" ? "error" : "warning"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {detail}
        </MessageBarBody>
      </MessageBar>
      <Text weight="semibold">{strings.sideloadTitle}</Text>
      <ol className={styles.steps}>
        <li>
          <Text>{strings.sideloadWeb}</Text>
        </li>
        <li>
          <Text>{strings.sideloadDesktop}</Text>
        </li>
      </ol>
    </section>
  );
}
