/**
 * Reads ESC/POS bytes back the way a thermal printer would: every command
 * must be one the printer knows, with its arguments, and the text between
 * them becomes the printed lines. Bytes above 0x7F are read in the code
 * page last selected (only the pound sign is needed here, 0x9C in the
 * PC437/PC850/PC858 families the encoder chooses for it).
 */
export interface DecodedReceipt {
  lines: string[];
  /** ESC p: the cash drawer kick. */
  hasDrawerPulse: boolean;
  /** GS V: the paper cut. */
  hasCut: boolean;
  barcodes: string[];
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;

export function decodeEscPos(bytes: Uint8Array): DecodedReceipt {
  const lines: string[] = [];
  const barcodes: string[] = [];
  let text = "";
  let hasDrawerPulse = false;
  let hasCut = false;
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`not a valid ESC/POS stream at byte ${i}: ${why}`);
  };
  const need = (count: number) => {
    if (i + count > bytes.length) fail("command cut short");
  };
  if (bytes[0] !== ESC || bytes[1] !== 0x40) fail("it does not start with ESC @");

  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte === 0x0a) {
      lines.push(text);
      text = "";
      i += 1;
    } else if (byte === 0x0d) {
      i += 1;
    } else if (byte === ESC) {
      need(2);
      const command = bytes[i + 1] as number;
      switch (String.fromCharCode(command)) {
        case "@":
          i += 2;
          break;
        case "t": // code page
        case "a": // alignment
        case "E": // bold
        case "-": // underline
        case "4": // italic
        case "M": // font
        case "!": // print mode
        case "d": // feed lines
        case "J": // feed dots
        case "2":
          need(command === 0x32 ? 2 : 3);
          i += command === 0x32 ? 2 : 3;
          break;
        case "3": // line spacing
          need(3);
          i += 3;
          break;
        case "p": // drawer pulse: pin, on, off
          need(5);
          hasDrawerPulse = true;
          i += 5;
          break;
        default:
          fail(`unknown ESC ${command.toString(16)}`);
      }
    } else if (byte === GS) {
      need(2);
      const command = bytes[i + 1] as number;
      switch (String.fromCharCode(command)) {
        case "!": // character size
        case "B": // invert
        case "h": // barcode height
        case "w": // barcode width
        case "H": // barcode text position
        case "f": // barcode font
        case "b": // smoothing
          need(3);
          i += 3;
          break;
        case "V": {
          // Cut: GS V m, or GS V m n for m in 65, 66.
          need(3);
          const m = bytes[i + 2] as number;
          hasCut = true;
          i += m >= 65 ? 4 : 3;
          break;
        }
        case "k": {
          // Barcode, format B: GS k m n d1..dn.
          need(4);
          const length = bytes[i + 3] as number;
          need(4 + length);
          barcodes.push(String.fromCharCode(...bytes.slice(i + 4, i + 4 + length)));
          i += 4 + length;
          break;
        }
        case "(": {
          // Function with a two-byte length: GS ( fn pL pH data.
          need(5);
          const length = (bytes[i + 3] as number) + (bytes[i + 4] as number) * 256;
          need(5 + length);
          i += 5 + length;
          break;
        }
        default:
          fail(`unknown GS ${command.toString(16)}`);
      }
    } else if (byte === FS) {
      // FS . (cancel Kanji) and FS & take no arguments.
      need(2);
      i += 2;
    } else if (byte < 0x20) {
      fail(`stray control byte ${byte.toString(16)}`);
    } else {
      text += byte === 0x9c ? "£" : byte < 0x80 ? String.fromCharCode(byte) : "?";
      i += 1;
    }
  }
  if (text) lines.push(text);
  return { lines, hasDrawerPulse, hasCut, barcodes };
}
