import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";

// Nothing for marcheck: `vite build` emits marcheck_bg.wasm as an asset from the package's
// `new URL("./marcheck_bg.wasm", import.meta.url)`.
export default defineConfig({ plugins: [vue()] });
