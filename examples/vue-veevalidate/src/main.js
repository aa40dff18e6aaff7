import { createApp } from "vue";
import { ready } from "marcheck/standard";
import App from "./App.vue";

// The schema answers synchronously once the core is loaded (one fetch of the .wasm); VeeValidate
// accepts a Promise too, but waiting here keeps the first keystroke's message on that keystroke.
await ready;
createApp(App).mount("#app");
