/**
 * A tiny static file server for the production build (tests, benchmark): serves a directory on
 * 127.0.0.1 (port 0 = a random free port) with the right content types and the pages' CSP header
 * (the same policy as their meta tag, read from the HTML). Nothing else.
 *
 *   npx tsx test/e2e/serve.ts [dir] [--port 8080]
 */
import { createReadStream, promises as fs } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".map": "application/json; charset=utf-8",
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:41234/` (with the trailing slash). */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const CSP_META = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i;

/** The CSP of an HTML page, as written in its meta tag. */
export function cspOf(html: string): string | undefined {
  return CSP_META.exec(html)?.[1];
}

export async function serveStatic(
  root: string,
  options: { port?: number; host?: string } = {}
): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://localhost");
        let rel = decodeURIComponent(url.pathname);
        if (rel.endsWith("/")) rel += "index.html";
        const file = path.resolve(base, "." + rel);
        if (file !== base && !file.startsWith(base + path.sep)) {
          res.writeHead(403).end();
          return;
        }
        const stat = await fs.stat(file).catch(() => undefined);
        if (!stat?.isFile()) {
          res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
          return;
        }
        const ext = path.extname(file).toLowerCase();
        const headers: Record<string, string> = {
          "Content-Type": TYPES[ext] ?? "application/octet-stream",
          "Content-Length": String(stat.size),
          "X-Content-Type-Options": "nosniff",
          "Cache-Control": "no-cache",
        };
        if (ext === ".html") {
          const csp = cspOf(await fs.readFile(file, "utf8"));
          if (csp) headers["Content-Security-Policy"] = csp;
        }
        res.writeHead(200, headers);
        if (req.method === "HEAD") res.end();
        else createReadStream(file).pipe(res);
      } catch {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    })();
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const origin = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  return {
    url: origin + "/",
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
  const dir = args.find((a, i) => !a.startsWith("--") && i !== portAt + 1) ?? "dist";
  void serveStatic(dir, { port, host: "localhost" }).then((s) => {
    console.log(`统计报表助手：${s.url}index.html （Ctrl+C 停止）`);
  });
}
