// A small HTTP proxy in front of the live textopt that can lose an answer, or answer an attempt itself,
// so that the client's retries are tested over real connections against the real service.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  at: number;
}

/** What the proxy does with one request: forward it, forward it and lose the answer, or answer itself. */
export type Plan =
  | "forward"
  | "lose-answer"
  | { status: number; headers?: Record<string, string>; problem: Record<string, unknown> };

export interface Proxy {
  url: string;
  seen: Seen[];
  close(): Promise<void>;
}

/** Starts a proxy to `target`; `plan` decides per request, by its index among those seen so far. */
export async function startProxy(target: string, plan: (index: number, seen: Seen) => Plan): Promise<Proxy> {
  const seen: Seen[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const request: Seen = { method: req.method!, path: req.url!, headers: req.headers, at: Date.now() };
    const action = plan(seen.length, request);
    seen.push(request);
    if (typeof action === "object") {
      res.writeHead(action.status, { "Content-Type": "application/problem+json", ...action.headers });
      res.end(JSON.stringify({ status: action.status, ...action.problem }));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string" && name !== "host" && name !== "connection") {
        headers.set(name, value);
      }
    }
    const answer = await fetch(target + req.url, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    if (action === "lose-answer") {
      req.socket.destroy(); // the service did the work; its answer never reaches the client
      return;
    }
    res.writeHead(answer.status, Object.fromEntries(
      [...answer.headers].filter(([name]) => name !== "content-encoding" && name !== "transfer-encoding")));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
