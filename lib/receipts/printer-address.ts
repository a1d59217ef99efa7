/** Where a network receipt printer listens; zod only, for forms and the server. */
import { z } from "zod";

/** Raw ESC/POS over TCP: the port network receipt printers listen on. */
export const RAW_PRINT_PORT = 9100;

/** "host" or "host:port": an IPv4 address or a host name, port 9100 unless given. */
export const PrinterAddressSchema = z
  .string()
  .trim()
  .max(255)
  .regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    error:
      "Use a host name or IP address, optionally with :port (e.g. 192.168.1.50:9100).",
  })
  .refine((value) => {
    const port = Number(value.split(":")[1] ?? RAW_PRINT_PORT);
    return port >= 1 && port <= 65_535;
  }, "The port must be between 1 and 65535.");

export function parsePrinterAddress(address: string): { host: string; port: number } {
  const [host = "", port] = address.split(":");
  return { host, port: port ? Number(port) : RAW_PRINT_PORT };
}
