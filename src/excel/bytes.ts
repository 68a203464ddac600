/** UTF-8 length of a string without encoding it. The stand-in counts on its own on purpose (src/standin/sync.ts utf8Length), so it checks these estimates. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      // A high surrogate: the pair is one code point, four bytes; skip its low half.
      n += 4;
      i++;
    }
    else n += 3;
  }
  return n;
}
