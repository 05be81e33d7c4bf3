/**
 * Fails at once, naming the setting, when the HTTP port is taken: better than starting Neo4j and
 * loading data for a minute, then failing with the raw EADDRINUSE.
 */
import net from "node:net";

export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return; // a free port is picked when listening
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`${host}:${port} is already in use (another PitchGraph?). Set PORT to a free port (or HOST to another interface).`)
          : error.code === "EACCES"
            ? new Error(`${host}:${port} needs privileges to listen on. Set PORT to a port above 1023.`)
            : error,
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
