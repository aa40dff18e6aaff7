// Session lifecycle (contract §7, issue 16 item 5), in the JavaScript layer around wasm-bindgen's
// glue: its Session methods fail with the glue's internal texts ("null pointer passed to rust"
// after free(), "recursive use of an object detected..." when a call comes back in while another
// is running). Patched on Session.prototype once, by the package's browser entry (the Node entry
// re-exports that same module), so every session from createSession() has them:
//   - after free(), every method throws an Error that says the session was freed;
//   - free() (and [Symbol.dispose]) a second time does nothing;
//   - a call made while the same session is still inside another call (a getter or toJSON of a
//     value being read, code that the call runs) is refused with an Error that says why and what
//     to do instead; nothing is changed by it, and the outer call completes as it would have.

const pending = new WeakSet(); // sessions inside a call right now
const GUARDED = Symbol("marcheck.sessionGuard");

const nameOf = (key) => (typeof key == "symbol" ? `[${key.description}]` : key);

export function freedError(name) {
  return new Error(
    `marcheck: session.${name}() was called after session.free(): this session is freed and holds no form any more. ` +
      "Create a new one with createSession() (a freed session cannot be used again).",
  );
}

export function busyError(name) {
  return new Error(
    `marcheck: session.${name}() was called while this session was still busy with another call ` +
      "(from a getter or toJSON of a value it was reading, or from code that call ran): a session does one call at a time. " +
      `Make this call after the other one has returned, e.g. queueMicrotask(() => session.${name}(...)).`,
  );
}

/** Guards every method of `Session` (wasm-bindgen's class) as above. Safe to call twice. */
export function guardSessions(Session) {
  const proto = Session && Session.prototype;
  if (!proto || Object.hasOwn(proto, GUARDED)) return;
  Object.defineProperty(proto, GUARDED, { value: true });
  const free = proto.free; // before the loop replaces it
  for (const key of Reflect.ownKeys(proto)) {
    if (key === "constructor" || key === GUARDED || (typeof key == "string" && key.startsWith("__"))) continue;
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d || typeof d.value != "function") continue;
    const raw = d.value;
    const name = nameOf(key);
    const frees = raw === free; // free() and [Symbol.dispose], which is the same function
    const guarded = {
      [name](...args) {
        if (!this || !this.__wbg_ptr) {
          if (frees) return undefined; // freed already: nothing to do
          throw freedError(name);
        }
        if (pending.has(this)) throw busyError(name);
        pending.add(this);
        try {
          return raw.apply(this, args);
        } finally {
          pending.delete(this);
        }
      },
    }[name];
    Object.defineProperty(proto, key, { ...d, value: guarded });
  }
}
