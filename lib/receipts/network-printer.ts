import { Socket } from "node:net";
import { AppError } from "@/lib/errors/app-error";
import { parsePrinterAddress } from "./printer-address";

/**
 * Sends ESC/POS bytes to a network receipt printer and waits until they
 * are written. A printer that is off, unplugged or busy answers with a
 * message an associate can act on, never a hang.
 */
export function sendToNetworkPrinter(options: {
  address: string;
  bytes: Uint8Array;
  timeoutMs?: number;
}): Promise<void> {
  const { host, port } = parsePrinterAddress(options.address);
  const timeoutMs = options.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const fail = (why: string) => {
      socket.destroy();
      reject(
        new AppError(
          "internal",
          `The receipt printer at ${options.address} did not answer. Check it is on and connected, then try again.`,
          { internal: `network print to ${host}:${port}: ${why}` },
        ),
      );
    };
    socket.setTimeout(timeoutMs, () => fail("timed out"));
    socket.once("error", (error) => fail(error.message));
    socket.connect(port, host, () => {
      socket.end(Buffer.from(options.bytes), () => {
        socket.destroy();
        resolve();
      });
    });
  });
}
