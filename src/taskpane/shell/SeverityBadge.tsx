import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { SEVERITY_LABELS, type Severity } from "../../core/basics/messages";
import { useLocale } from "../i18n/locale";

const useStyles = makeStyles({
  badge: {
    flexShrink: 0,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorPaletteRedForeground2 },
  warning: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  info: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground2 },
});

/** 错误 / 警告 / 提示 in its colour. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const { pick } = useLocale();
  const styles = useStyles();
  return <span className={mergeClasses(styles.badge, styles[severity])}>{pick(SEVERITY_LABELS[severity])}</span>;
}
