/**
 * A message bar in the pane's one layout (docs/task-pane.md): a title over the body, which
 * wraps, and a 关闭 / Dismiss action when the message can be dismissed.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, type MessageBarIntent } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useLocale } from "../i18n/locale";

export interface NoticeBarProps {
  intent: MessageBarIntent;
  title?: ReactNode;
  testId?: string;
  onDismiss?(): void;
  children: ReactNode;
}

export function NoticeBar({ intent, title, testId, onDismiss, children }: NoticeBarProps) {
  const { t } = useLocale();
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button size="small" appearance="transparent" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
