// @ts-check
// The comment section's enhancements, for reader pages that ship no framework runtime
// (bin/server/reader-runtime.mjs). The server renders the section complete and working
// without JavaScript (components/comments): one form that posts to its server action,
// "Reply to …" radios that belong to it. With this script: the form sends JSON to
// POST /api/comments and shows the answer in place, replies open their own form under
// the comment, threads can be shown newest first, signed-in staff comment by name, and
// the commenter sees, edits and deletes their own recent comments (tokens kept in this
// browser only). Loaded with the page's CSP nonce; it adds no inline script or handler.
(() => {
  const section = document.getElementById("comments");
  // Where Next's runtime was kept (`next dev`), React hydrates the same section itself.
  if (!section || "__next_f" in self) return;
  const postId = Number(section.dataset.postId);
  const main = /** @type {HTMLFormElement | null} */ (document.getElementById("comment-form-main"));
  const OWN_KEY = "quire:own-comments";
  const SEND_FAILED =
    "Your comment could not be sent. Check your connection and send it again; what you wrote is still here.";
  const ALERT_CLASS = "rounded-md bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100";
  const STATUS_CLASS = "rounded-md bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100";

  /** An element with attributes and children (strings become text, never HTML). */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) if (value !== undefined) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  // Who is commenting: a fresh issued-at token, and staff by name. One request per page.
  const viewer = fetch("/api/comments/viewer", { cache: "no-store" })
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);

  /** Staff comment as themselves: no name, email or notify fields. */
  function applyViewer(form) {
    viewer.then((who) => {
      if (!who) return;
      const issued = form.querySelector('input[name="issued"]');
      if (issued && who.issued) issued.value = who.issued;
      if (!who.staff) return;
      form
        .querySelector('input[name="name"]')
        ?.closest(".grid")
        ?.replaceWith(el("p", { class: "text-sm" }, "Commenting as ", el("strong", {}, who.staff.name), " (staff)."));
      form.querySelector('input[name="notify"]')?.closest("label")?.remove();
    });
  }

  function clearMessages(form) {
    for (const node of form.querySelectorAll(':scope > [role="alert"], :scope > [role="status"]')) node.remove();
    for (const error of form.querySelectorAll("p[data-field-error]")) {
      const control = form.querySelector(`[aria-describedby~="${error.id}"]`);
      if (control) {
        const rest = control
          .getAttribute("aria-describedby")
          .split(" ")
          .filter((id) => id !== error.id);
        if (rest.length) control.setAttribute("aria-describedby", rest.join(" "));
        else control.removeAttribute("aria-describedby");
        control.removeAttribute("aria-invalid");
      }
      error.remove();
    }
  }

  /** The answer, as the server-rendered form shows it: a sentence on top, errors under their fields. */
  function showResult(form, result) {
    clearMessages(form);
    if (result.ok) {
      form.prepend(el("div", { role: "status", class: STATUS_CLASS }, el("p", {}, result.message)));
      return;
    }
    for (const [name, messages] of Object.entries(result.fieldErrors ?? {})) {
      const control = form.querySelector(`[name="${CSS.escape(name)}"]:not([type="hidden"])`);
      if (!control?.id) continue;
      const id = `${control.id}-error`;
      control
        .closest(".space-y-1")
        ?.append(
          el("p", { id, class: "text-sm text-red-700 dark:text-red-300", "data-field-error": "" }, messages.join(" ")),
        );
      control.setAttribute("aria-invalid", "true");
      const described = control.getAttribute("aria-describedby");
      control.setAttribute("aria-describedby", described ? `${described} ${id}` : id);
    }
    form.prepend(el("p", { role: "alert", class: ALERT_CLASS }, result.error));
  }

  function rememberOwnComment(comment) {
    try {
      const stored = JSON.parse(localStorage.getItem(OWN_KEY) ?? "[]");
      const weekAgo = Date.now() - 7 * 86_400_000;
      const kept = stored.filter((item) => item.createdAt > weekAgo && item.id !== comment.id);
      kept.push({ id: comment.id, postId: comment.postId, token: comment.token, createdAt: comment.createdAt });
      localStorage.setItem(OWN_KEY, JSON.stringify(kept.slice(-50)));
    } catch {
      // Storage may be disabled: the comment is posted all the same.
    }
  }

  /** The form sends JSON and shows the answer; the page stays. */
  function enhance(form) {
    applyViewer(form);
    const button = form.querySelector('button[type="submit"]');
    const label = button.textContent;
    let pending = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (pending) return;
      pending = true;
      button.disabled = true;
      button.textContent = "Posting…";
      const fields = Object.fromEntries([...new FormData(form)].filter(([key]) => !key.startsWith("$ACTION")));
      let result;
      try {
        result = await postJson("/api/comments", fields);
        if (!result.ok) result = { ...result, error: result.error ?? SEND_FAILED };
      } catch {
        result = { ok: false, error: SEND_FAILED };
      }
      pending = false;
      button.disabled = false;
      button.textContent = label;
      showResult(form, result);
      if (!result.ok) return;
      form.reset();
      applyViewer(form);
      if (result.data) {
        rememberOwnComment(result.data);
        refreshOwnComments();
        // A published comment joins the thread (and the count) without a reload.
        if (result.data.status === "approved") refreshThread();
      }
    });
  }

  /** "Reply to …" opens a form under the comment, made from the main one. */
  function replyToggle(radio) {
    const label = radio.closest("label");
    const parentId = radio.value;
    const name = label.textContent.trim().replace(/^Reply to /, "");
    const holder = el("div", { class: "mt-2", "data-reply-for": parentId });
    const button = el("button", { type: "button", "aria-expanded": "false", class: "text-sm font-medium underline" });
    button.textContent = `Reply to ${name}`;
    holder.append(button);
    let box;
    button.addEventListener("click", () => {
      const open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      if (!open) return box?.remove();
      box = el("div", { class: "relative mt-3" }, replyForm(parentId, name));
      holder.append(box);
    });
    label.replaceWith(holder);
  }

  function replyForm(parentId, name) {
    const form = /** @type {HTMLFormElement} */ (main.cloneNode(true));
    form.removeAttribute("id");
    form.setAttribute("aria-label", `Reply to ${name}`);
    clearMessages(form);
    form.reset();
    const prefix = `comment-${parentId}`;
    for (const node of form.querySelectorAll("[id]")) node.id = node.id.replace(/^comment-new/, prefix);
    for (const node of form.querySelectorAll("label[for]")) node.htmlFor = node.htmlFor.replace(/^comment-new/, prefix);
    for (const node of form.querySelectorAll("[aria-describedby]"))
      node.setAttribute("aria-describedby", node.getAttribute("aria-describedby").replace(/comment-new/g, prefix));
    const body = form.querySelector(`label[for="${prefix}-body"]`);
    if (body) body.textContent = "Your reply";
    form.querySelector('button[type="submit"]').textContent = "Post reply";
    form.append(el("input", { type: "hidden", name: "parentId", value: parentId }));
    enhance(form);
    return form;
  }

  /** The thread list: oldest first as rendered, newest first on request. */
  function threadList(root) {
    return root.querySelector(":scope > ol");
  }

  function enhanceThread() {
    for (const radio of section.querySelectorAll('input[type="radio"][name="parentId"][form="comment-form-main"]'))
      replyToggle(radio);
    const list = threadList(section);
    section.querySelector("[data-thread-order]")?.remove();
    if (!list || list.children.length < 2) return;
    const toggle = el("button", {
      type: "button",
      "aria-pressed": "false",
      class: "mb-4 rounded-md border border-zinc-400 px-3 py-1 text-sm",
      "data-thread-order": "",
    });
    toggle.textContent = "Newest first";
    toggle.addEventListener("click", () => {
      toggle.setAttribute("aria-pressed", String(toggle.getAttribute("aria-pressed") !== "true"));
      const current = threadList(section);
      current.append(...[...current.children].reverse());
    });
    list.before(toggle);
  }

  /** The thread and the count afresh from the server; open reply forms stay as they are. */
  async function refreshThread() {
    let fresh;
    try {
      const html = await (await fetch(location.pathname, { cache: "no-store" })).text();
      fresh = new DOMParser().parseFromString(html, "text/html").getElementById("comments");
    } catch {
      return;
    }
    if (!fresh) return;
    section.querySelector("#comments-heading").textContent = fresh.querySelector("#comments-heading").textContent;
    const open = new Map(
      [...section.querySelectorAll("[data-reply-for]")].map((node) => [node.getAttribute("data-reply-for"), node]),
    );
    const reversed = section.querySelector('[data-thread-order][aria-pressed="true"]');
    const list = threadList(fresh);
    if (!list) return;
    const old = threadList(section);
    if (old) old.replaceWith(list);
    else (section.querySelector("#own-comments") ?? section.lastElementChild).before(list);
    enhanceThread();
    for (const holder of section.querySelectorAll("[data-reply-for]")) {
      const kept = open.get(holder.getAttribute("data-reply-for"));
      if (kept) holder.replaceWith(kept);
    }
    if (reversed) section.querySelector("[data-thread-order]").click();
  }

  // The commenter's own recent comments, found by the tokens this browser kept.
  let ownTimer;
  function storedOwn() {
    try {
      return JSON.parse(localStorage.getItem(OWN_KEY) ?? "[]").filter((item) => item.postId === postId);
    } catch {
      return [];
    }
  }

  async function refreshOwnComments() {
    const stored = storedOwn();
    let comments = [];
    if (stored.length) {
      const result = await postJson("/api/comments/own", {
        op: "lookup",
        postId,
        items: stored.map(({ id, token }) => ({ id, token })),
      }).catch(() => null);
      const tokens = new Map(stored.map((item) => [item.id, item.token]));
      comments = result?.ok ? result.data.map((comment) => ({ ...comment, token: tokens.get(comment.id) })) : [];
    }
    renderOwn(comments.filter((c) => c.status === "pending" || c.status === "approved"));
  }

  function renderOwn(comments) {
    section.querySelector("#own-comments")?.remove();
    clearInterval(ownTimer);
    if (comments.length === 0) return;
    const list = el("ul", { class: "space-y-4" });
    const box = el(
      "section",
      {
        id: "own-comments",
        "aria-labelledby": "own-comments-heading",
        class: "my-6 rounded-md border border-zinc-300 p-4 dark:border-zinc-700",
      },
      el("h3", { id: "own-comments-heading", class: "mb-3 font-semibold" }, "Your comments"),
      list,
    );
    const items = comments.map((comment) => ownItem(comment));
    list.append(...items.map((item) => item.node));
    // The edit buttons leave when the window closes.
    ownTimer = setInterval(() => items.forEach((item) => item.tick()), 15_000);
    (document.getElementById("comment-form") ?? section.lastElementChild).before(box);
  }

  function ownItem(comment) {
    const node = el("li", { class: "space-y-2" });
    const state = { editing: false, confirming: false, message: null, pending: false };
    const run = async (body) => {
      state.pending = true;
      render();
      const result = await postJson("/api/comments/own", body).catch(() => ({ ok: false, error: SEND_FAILED }));
      state.pending = false;
      state.message = result.ok
        ? { ok: true, text: result.message ?? "Done." }
        : { ok: false, text: result.fieldErrors?.body?.join(" ") ?? result.error };
      if (!result.ok) return render();
      state.editing = false;
      const others = [...document.querySelectorAll("#own-comments li")].filter((li) => li !== node);
      if (body.op === "delete") {
        node.remove();
        if (others.length === 0) section.querySelector("#own-comments")?.remove();
        return;
      }
      comment = { ...comment, html: result.data.html, status: result.data.status, markdown: body.body };
      render();
    };
    const button = (text, attrs, onClick) => {
      const b = el("button", { type: "button", ...attrs }, text);
      b.addEventListener("click", onClick);
      return b;
    };
    function render() {
      const open = Date.now() < comment.editableUntil;
      const status =
        comment.status === "pending"
          ? el("p", { class: "text-sm font-medium" }, "Awaiting moderation")
          : el("p", { class: "text-sm font-medium" }, el("a", { href: `#comment-${comment.id}` }, "Published"));
      const prose = el("div", { class: "prose prose-sm prose-zinc max-w-none dark:prose-invert" });
      prose.innerHTML = comment.html; // stored sanitised HTML, read back with this browser's token
      const parts = [status, prose];
      if (state.message) {
        const tone = state.message.ok ? "text-green-800 dark:text-green-200" : "text-red-700 dark:text-red-300";
        parts.push(
          el("p", { role: state.message.ok ? "status" : "alert", class: `text-sm ${tone}` }, state.message.text),
        );
      }
      if (state.editing) parts.push(editForm());
      else if (open) {
        const actions = el("div", { class: "flex flex-wrap gap-2 text-sm" });
        actions.append(
          button("Edit comment", { class: "rounded-md border border-zinc-400 px-3 py-1" }, () => {
            state.editing = true;
            render();
          }),
          state.confirming
            ? button(
                "Yes, delete my comment",
                {
                  class: "rounded-md bg-red-700 px-3 py-1 font-semibold text-white dark:bg-red-300 dark:text-zinc-950",
                  disabled: state.pending ? "" : undefined,
                },
                () => run({ op: "delete", id: comment.id, token: comment.token }),
              )
            : button("Delete comment", { class: "rounded-md border border-zinc-400 px-3 py-1" }, () => {
                state.confirming = true;
                render();
              }),
          el(
            "span",
            { class: "self-center text-zinc-600 dark:text-zinc-400" },
            "You can change it for 10 minutes after posting.",
          ),
        );
        parts.push(actions);
      }
      node.replaceChildren(...parts);
    }
    function editForm() {
      const id = `own-${comment.id}-body`;
      const textarea = el("textarea", {
        id,
        name: "body",
        rows: "4",
        class:
          "block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100",
      });
      textarea.value = comment.markdown;
      const save = el(
        "button",
        {
          type: "submit",
          disabled: state.pending ? "" : undefined,
          class:
            "rounded-md bg-blue-700 px-3 py-1 text-sm font-semibold text-white dark:bg-blue-300 dark:text-zinc-950",
        },
        "Save changes",
      );
      const cancel = button("Cancel", { class: "rounded-md border border-zinc-400 px-3 py-1 text-sm" }, () => {
        state.editing = false;
        render();
      });
      const form = el(
        "form",
        { class: "space-y-2" },
        el("label", { for: id, class: "block text-sm font-medium" }, "Edit your comment"),
        textarea,
        el("div", { class: "flex gap-2" }, save, cancel),
      );
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        run({ op: "edit", id: comment.id, token: comment.token, body: textarea.value });
      });
      return form;
    }
    render();
    return { node, tick: () => !state.editing && render() };
  }

  if (main) {
    // With JavaScript, replies have their own forms: the main form's "not a reply" choice goes.
    main.querySelector('input[type="radio"][name="parentId"]')?.closest("label")?.remove();
    enhance(main);
  }
  enhanceThread();
  refreshOwnComments();
})();
