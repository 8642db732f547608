// A tiny real SMTP server for tests (node:net): EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
// It keeps every accepted message, and can be told to refuse with a temporary (451) or a
// permanent (550) reply, or to be down altogether (stopped), to test retries and backoff.
import { createServer, type Server, type Socket } from "node:net";

export interface ReceivedMessage {
  from: string;
  to: string[];
  /** The raw DATA (headers + body), dot-unstuffed, CRLF line ends. */
  data: string;
  header(name: string): string | undefined;
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMessage[];
  /** Refuse every MAIL FROM with this reply (e.g. "451 4.3.0 Try again later"); null accepts again. */
  refuseWith(reply: string | null): void;
  /** Stops listening (connections are refused) until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function parseHeader(data: string, name: string): string | undefined {
  const head = data.split("\r\n\r\n")[0] ?? "";
  // Unfold continuation lines first.
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  for (const line of unfolded.split("\r\n")) {
    const index = line.indexOf(":");
    if (index > 0 && line.slice(0, index).trim().toLowerCase() === name.toLowerCase()) return line.slice(index + 1).trim();
  }
  return undefined;
}

function handle(socket: Socket, sink: { messages: ReceivedMessage[]; refusal: () => string | null }) {
  socket.setEncoding("utf8");
  let buffer = "";
  let inData = false;
  let dataLines: string[] = [];
  let from = "";
  let to: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);

  reply("220 smtp-sink.test ESMTP ready");
  socket.on("error", () => socket.destroy());
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let index: number;
    while ((index = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          const data = dataLines.join("\r\n");
          sink.messages.push({ from, to, data, header: (name) => parseHeader(data, name) });
          dataLines = [];
          from = "";
          to = [];
          reply("250 2.0.0 Ok: queued");
        } else {
          dataLines.push(line.startsWith("..") ? line.slice(1) : line);
        }
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") {
        socket.write("250-smtp-sink.test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 10485760\r\n");
      } else if (verb === "HELO") {
        reply("250 smtp-sink.test");
      } else if (verb === "MAIL") {
        const refusal = sink.refusal();
        if (refusal) {
          reply(refusal);
          continue;
        }
        from = /<([^>]*)>/.exec(line)?.[1] ?? "";
        to = [];
        reply("250 2.1.0 Ok");
      } else if (verb === "RCPT") {
        to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
        reply("250 2.1.5 Ok");
      } else if (verb === "DATA") {
        if (to.length === 0) {
          reply("554 5.5.1 No valid recipients");
          continue;
        }
        inData = true;
        reply("354 End data with <CR><LF>.<CR><LF>");
      } else if (verb === "RSET") {
        from = "";
        to = [];
        reply("250 2.0.0 Ok");
      } else if (verb === "NOOP") {
        reply("250 2.0.0 Ok");
      } else if (verb === "QUIT") {
        reply("221 2.0.0 Bye");
        socket.end();
      } else {
        reply("502 5.5.2 Command not recognized");
      }
    }
  });
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMessage[] = [];
  let refusal: string | null = null;
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      handle(socket, { messages, refusal: () => refusal });
    });
    await new Promise<void>((resolve, reject) => {
      server!.once("error", reject);
      server!.listen(port, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    port = typeof address === "object" && address ? address.port : port;
  };
  const shut = async () => {
    const current = server;
    server = null;
    if (!current) return;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    refuseWith(reply) {
      refusal = reply;
    },
    stop: shut,
    start: listen,
    close: shut,
  };
}
