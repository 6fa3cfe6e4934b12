/** `.bin` files are bundled as Data modules (`[[rules]]` in wrangler.toml): their default export is the bytes. */
declare module '*.bin' {
  const data: ArrayBuffer;
  export default data;
}
