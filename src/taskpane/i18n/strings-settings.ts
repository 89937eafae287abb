// Task pane strings for the settings panel (zh, and its English translation).
import type { Translation } from "./translation";

export const settingsZh = {
  settingsTitle: "设置",
  settingsIntro: "设置保存在此工作簿中，下次核对时生效。",
  settingsPreset: "评分方案",
  settingsPresetTotal: "满分 {total} 分",
  settingsGrades: "等级线（总分不低于）",
  settingsWeights: "各类指标分值",
  settingsTolerance: "“约/左右”允许偏差（%）",
  settingsImplicit: "无比较符号的目标（如“100%”）",
  implicitGe: "按 ≥ 至少达到",
  implicitEq: "按 = 等于",
  settingsReason: "得分低于分值时要求填写偏差原因",
  settingsReset: "恢复默认设置",
  settingsInvalidStored: "此工作簿中保存的设置无效，已改用默认设置。",
  settingsSaveFailed: "设置未能保存到工作簿：{reason}",
  settingsStale: "设置已更改，请重新核对以应用新设置。",
  errNumber: "请输入数字",
  errPercent: "请输入 0–100 之间的数",
  errNonNegative: "请输入不小于 0 的数",
} as const;

export const settingsEn: Translation<typeof settingsZh> = {
  settingsTitle: "Settings",
  settingsIntro: "Settings are saved in this workbook and apply from the next check.",
  settingsPreset: "Scoring preset",
  settingsPresetTotal: "{total} points in all",
  settingsGrades: "Grade lines (total score at least)",
  settingsWeights: "Points per indicator category",
  settingsTolerance: "“约/左右” tolerance (%)",
  settingsImplicit: "Target with no operator (“100%”)",
  implicitGe: "≥ at least",
  implicitEq: "= equal to",
  settingsReason: "Require a reason where the score is below the points",
  settingsReset: "Restore defaults",
  settingsInvalidStored: "The settings saved in this workbook are not valid; using the defaults.",
  settingsSaveFailed: "The settings could not be saved in the workbook: {reason}",
  settingsStale: "The settings changed; check again to apply them.",
  errNumber: "Enter a number",
  errPercent: "Enter a number from 0 to 100",
  errNonNegative: "Enter a number of 0 or more",
};
