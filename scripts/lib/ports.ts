import { createServer } from 'node:net';
import { portInUse } from './fail.ts';

/** True when nothing listens on 127.0.0.1:port (we could bind it ourselves). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The preferred port when free, else the next free one above it, else one the OS picks. */
export async function choosePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50 && port <= 65535; port += 1) {
    if (await isPortFree(port)) return port;
  }
  return freePort();
}

/** A port the OS reports free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Throws the one-sentence busy-port error when something else already listens on the port. */
export async function assertPortFree(port: number, variable: string): Promise<void> {
  if (!(await isPortFree(port))) throw portInUse(port, variable);
}
