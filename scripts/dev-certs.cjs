// HTTPS options for `npm run dev-server` (webpack.config.js). office-addin-dev-certs generates a
// localhost certificate and then installs its CA in the system's trust store — which needs an
// administrator (Windows/macOS prompt; on Linux `sudo`, often absent). When only the install fails
// and the generated files are there, the server still starts with them, and says in one
// paragraph what is not trusted yet and how to trust it; it no longer ends in a stack trace.
const fs = require("fs");
const path = require("path");
// where office-addin-dev-certs writes its files (~/.office-addin-dev-certs/ca.crt, …)
const certs = require("office-addin-dev-certs/lib/defaults");

/**
 * @param {{ getHttpsServerOptions: () => Promise<{ca: Buffer, cert: Buffer, key: Buffer}> }} devCerts
 * @param {{ dir?: string, warn?: (text: string) => void }} [options]
 * @returns {Promise<{ca: Buffer, cert: Buffer, key: Buffer}>}
 * @example await devHttpsOptions(require("office-addin-dev-certs")) // { ca, cert, key }
 */
async function devHttpsOptions(
  devCerts,
  { dir = certs.certificateDirectory, warn = (t) => console.warn(t) } = {}
) {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const reason = String((e && e.message) || e)
      .split("\n")
      .filter((l) => l.trim() !== "")
      .join(" ");
    const files = [
      certs.caCertificateFileName,
      certs.localhostCertificateFileName,
      certs.localhostKeyFileName,
    ].map((f) => path.join(dir, f));
    const missing = files.filter((f) => !fs.existsSync(f));
    if (missing.length > 0)
      throw new Error(
        `开发证书未能生成或安装：${reason}\n缺少：${missing.join("、")}。` +
          "请以管理员身份运行 `npx office-addin-dev-certs install` 后重试。"
      );
    warn(
      `开发证书已生成，但未能装入系统信任库（${reason}）。\n` +
        `服务器仍以 ${files[1]} 启动；浏览器和 Excel 在信任 ${files[0]} 之前会拒绝该页面。\n` +
        "信任方法：以管理员身份运行 `npx office-addin-dev-certs install`；" +
        "或在 Linux 上 `cp " +
        files[0] +
        " /usr/local/share/ca-certificates/office-addin-dev-ca.crt && update-ca-certificates`。"
    );
    const [ca, cert, key] = files.map((f) => fs.readFileSync(f));
    return { ca, cert, key };
  }
}

module.exports = { devHttpsOptions };
