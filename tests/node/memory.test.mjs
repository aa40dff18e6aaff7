// The wasm's own allocator (src/heap.rs) reuses a freed block only for its own size class: its
// memory is bounded by each class's peak, so the same work repeated needs no more memory. A
// session fed keystrokes whose text grows to 1 MiB, twice over, with a report each time.
import { test } from "node:test";
import assert from "node:assert/strict";
import { wasmBytes, AS_OF, VALID_FORM } from "./fixtures.mjs";
import { initSync, createSession } from "../../pkg/marcheck.js";

const wasm = initSync({ module: wasmBytes() });
const mib = () => wasm.memory.buffer.byteLength / 1048576;

test("a session's memory stays flat while a 1 MiB text is typed twice over", () => {
  const session = createSession({ asOf: AS_OF });
  session.replace(VALID_FORM);
  const step = "x".repeat(5241) + "\n"; // 200 keystrokes of 5 242 bytes: 1 048 400 bytes
  const grow = () => {
    let text = "";
    for (let i = 0; i < 200; i++) {
      text += step;
      session.set("case.facts", text);
      assert.ok(Array.isArray(session.report().findings));
    }
    return text;
  };
  const text = grow();
  assert.equal(session.form().case.facts, text, "the text is kept whole");
  const first = mib();
  session.set("case.facts", "");
  grow();
  const second = mib();
  session.free();
  assert.ok(second <= first, `the second time grew memory: ${first} -> ${second} MiB`);
  // Measured 2026-12-04: ~19 MiB after 1 000 such keystrokes (README, "What the libraries cost");
  // well above the ~2 MiB the largest text and its copies need, well below what a leak would reach.
  assert.ok(first <= 32, `${first} MiB of wasm memory`);
});
