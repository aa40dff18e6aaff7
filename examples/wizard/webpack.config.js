import HtmlWebpackPlugin from "html-webpack-plugin";

export default {
  entry: "./src/index.js",
  output: { path: new URL("./dist", import.meta.url).pathname, clean: true },
  plugins: [new HtmlWebpackPlugin({ template: "./src/index.html" })],
  // The .wasm arrives through `new URL("marcheck_bg.wasm", import.meta.url)` in marcheck's glue,
  // which webpack 5 emits as an asset with no configuration.
  performance: { hints: false }, // a 130 KB .wasm is the point of this package
};
