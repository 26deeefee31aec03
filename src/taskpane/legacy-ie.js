/* global window, document, navigator, location */
/*
 * The first script of taskpane.html, plain ES5 in a file of its own (the page's CSP allows no
 * inline script). Office on Windows shows add-ins in Internet Explorer 11 (Trident), which cannot
 * run the pane (ES2017, React), in volume-licensed Office 2016/2019 (the manifest asks for
 * ExcelApi 1.1, so they load the add-in and see this notice), in retail Office 2016/2019 without
 * WebView2 and without Edge, and in Microsoft 365 without WebView2 on Windows 7, 8.1 or 10 before
 * 1903: https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * Microsoft recommends a graceful failure message there, recognising Trident by its user agent:
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
 * In Internet Explorer (document.documentMode, or "Trident/" in the user agent) this hides the
 * prerendered screen at once and replaces it, before the page's own script would run, with a
 * message in Chinese: what this Excel lacks and how to go on on the same computer. Elsewhere it
 * does nothing.
 */
(function () {
  "use strict";
  var ua = navigator.userAgent || "";
  if (!document.documentMode && ua.indexOf("Trident/") === -1) return;

  // the pane's own script cannot even be parsed here: no script-error dialogs about it
  window.onerror = function () {
    return true;
  };
  var style = document.createElement("style");
  style.appendChild(
    document.createTextNode(
      "#root{display:none!important}" +
        "#legacy-ie-notice{font-family:'Microsoft YaHei','Segoe UI',sans-serif;font-size:14px;" +
        "line-height:1.6;color:#242424;padding:12px 16px;max-width:40em}" +
        "#legacy-ie-notice h1{font-size:18px;margin:0 0 8px}" +
        "#legacy-ie-notice code{font-family:Consolas,monospace;background:#f0f0f0;padding:0 2px;" +
        "word-break:break-all}"
    )
  );
  document.getElementsByTagName("head")[0].appendChild(style);

  /** The browser page beside this one on the same server (index.html). */
  var browserPage = location.href.replace(/[?#].*$/, "").replace(/[^/]*$/, "index.html");

  function element(tag, parts) {
    var e = document.createElement(tag);
    for (var i = 0; i < parts.length; i++)
      e.appendChild(typeof parts[i] === "string" ? document.createTextNode(parts[i]) : parts[i]);
    return e;
  }

  function show() {
    if (document.getElementById("legacy-ie-notice") || !document.body) return;
    var root = document.getElementById("root");
    if (root) root.parentNode.removeChild(root);
    var notice = element("div", [
      element("h1", ["统计报表助手不能在此 Excel 中运行"]),
      element("p", [
        "此 Excel 内置的浏览器是 Internet Explorer，版本过旧，无法运行本加载项。请在这台电脑上改用以下任一方式：",
      ]),
      element("ul", [
        element("li", [
          "浏览器版：用 Microsoft Edge 或 Chrome 打开 ",
          element("code", [browserPage]),
          "，再选择要校验的报表文件（.xlsx）。",
        ]),
        element("li", [
          "命令行：在命令提示符中运行 ",
          element("code", ["npx bureau-stats check 文件.xlsx"]),
          "。",
        ]),
      ]),
      element("p", [
        "要在 Excel 中直接使用，请更新 Office 并安装 Microsoft Edge WebView2 运行时（适用于 Microsoft 365 和零售版 Office 2016/2019），或升级到 Office 2021 及以上版本。详见 Microsoft 文档：",
        element("code", [
          "https://learn.microsoft.com/zh-cn/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins",
        ]),
      ]),
    ]);
    notice.id = "legacy-ie-notice";
    notice.setAttribute("role", "alert");
    document.body.insertBefore(notice, document.body.firstChild);
  }

  // "interactive" comes when the page is parsed, before its deferred scripts run
  document.addEventListener("readystatechange", function () {
    if (document.readyState !== "loading") show();
  });
  document.addEventListener("DOMContentLoaded", show);
})();
