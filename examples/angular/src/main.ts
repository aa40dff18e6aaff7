import { bootstrapApplication } from "@angular/platform-browser";
import { ready } from "marcheck/standard";
import { App } from "./app";

// The schema answers synchronously once the core is loaded (one fetch of marcheck_bg.wasm,
// which angular.json copies next to the bundle: Angular's builder, esbuild, does not emit a file
// a module loads by `new URL(..., import.meta.url)`).
await ready;
bootstrapApplication(App).catch((e) => console.error(e));
