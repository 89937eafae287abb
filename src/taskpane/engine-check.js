/*
 * Runs before the task pane's bundle, in ES5 only, so that it runs where the bundle cannot:
 * Office 2016/2019 on Windows without WebView2 shows add-ins in Internet Explorer 11 or the old
 * Edge (EdgeHTML), which cannot parse the bundle's ES2020. There it shows, in Chinese and English,
 * what to install or update instead of a blank pane (docs/excel-platform.md, README "Sideloading").
 */
(function () {
  "use strict";
  var ua = (window.navigator && window.navigator.userAgent) || "";
  var trident = !!document.documentMode || /Trident\/|MSIE /.test(ua);
  var edgeHtml = /Edge\/\d/.test(ua);
  // engines older than the bundle's target, whatever they call themselves
  var tooOld = typeof Promise === "undefined" || typeof Object.fromEntries !== "function" || typeof String.prototype.matchAll !== "function";
  if (!trident && !edgeHtml && !tooOld) return;
  window.JIXIAO_UNSUPPORTED_ENGINE = trident ? "ie11" : edgeHtml ? "edge-legacy" : "old";

  var engine = trident ? "Internet Explorer 11" : edgeHtml ? "Microsoft Edge（旧版 EdgeHTML / Edge Legacy）" : "旧版浏览器引擎";
  var engineEn = trident ? "Internet Explorer 11" : edgeHtml ? "the old Microsoft Edge (EdgeHTML, Edge Legacy)" : "an outdated browser engine";
  var paragraphs = [
    ["h1", "此版本的 Office 无法运行“绩效核对”"],
    ["p", "这台电脑上的 Office 用 " + engine + " 显示加载项，“绩效核对”需要更新的浏览器引擎。Office 2016、Office 2019（含批量许可版）在没有 WebView2 时就是这样。"],
    ["p", "请任选其一：① 将 Office 更新为 Microsoft 365 或 Office 2021 及以后的版本，并安装 Microsoft Edge WebView2 运行时（Evergreen）；② 在 Excel 网页版中使用本加载项；③ 使用命令行工具 jixiao 核对工作簿。"],
    ["h1", "This version of Office cannot run Jixiao"],
    ["p", "Office on this computer shows add-ins in " + engineEn + ", which cannot run Jixiao. Office 2016 and Office 2019 (including volume-licensed editions) do so when WebView2 is absent."],
    ["p", "Either: (1) update Office to Microsoft 365 or Office 2021 or later and install the Microsoft Edge WebView2 Runtime (Evergreen); (2) use the add-in in Excel on the web; or (3) check the workbook with the jixiao command-line tool."],
  ];
  function show() {
    var container = document.getElementById("container") || document.body;
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("id", "unsupported-engine");
    box.style.fontFamily = "'Microsoft YaHei', 'Segoe UI', sans-serif";
    box.style.padding = "16px";
    box.style.lineHeight = "1.6";
    for (var i = 0; i < paragraphs.length; i++) {
      var el = document.createElement(paragraphs[i][0]);
      if (paragraphs[i][0] === "h1") el.style.fontSize = "18px";
      el.appendChild(document.createTextNode(paragraphs[i][1]));
      box.appendChild(el);
    }
    container.appendChild(box);
  }
  // the page loads this script right after #container, so it is there already
  if (document.getElementById("container")) show();
  else document.addEventListener("DOMContentLoaded", show);
})();
