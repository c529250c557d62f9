(() => {
  "use strict";
  // Every finding is an entry of the side list (li#f-N: data-s severity, data-r rule, data-file draft);
  // marks in the drafts name the findings they cover in data-f. The page reads all it shows from them.
  const tip = document.getElementById("tip");
  const header = document.querySelector("header");
  const entries = Array.from(document.querySelectorAll("li.finding"));
  const byId = new Map(entries.map((li) => [Number(li.id.slice(2)), li]));
  const order = Array.from(byId.keys()).sort((a, b) => a - b);
  const rules = Array.from(document.querySelectorAll("details.rule"), (group) => group.querySelector("summary code").textContent);
  const drafts = Array.from(document.querySelectorAll("details.draft"));
  const paths = new Map(drafts.map((draft) => [draft.id.slice(5), draft.querySelector(".path").textContent.toLowerCase()]));
  const rank = { e: 3, w: 2, i: 1 };
  const state = { severities: { e: true, w: true, i: true }, rule: null, path: "" };
  let marks = null; // [mark, ids], read on the first filtering
  let pinned = null; // the mark whose tooltip stays open
  let lit = []; // the pieces of the finding it shows first
  let current = null; // the finding reached from the side list or with n / p

  const visible = (id) => {
    const li = byId.get(id);
    return state.severities[li.dataset.s] && (state.rule === null || li.dataset.r === state.rule)
      && paths.get(li.dataset.file).includes(state.path);
  };
  const idsOf = (mark) => mark.dataset.f.split(" ").map(Number);

  function apply() {
    const shown = new Set();
    for (const [id, li] of byId) {
      li.hidden = !visible(id);
      if (!li.hidden) shown.add(li.dataset.file);
    }
    marks = marks || Array.from(document.querySelectorAll("mark.hl"), (mark) => [mark, idsOf(mark)]);
    for (const [mark, ids] of marks) {
      const seen = ids.filter(visible);
      const top = seen.reduce((best, id) => {
        const severity = byId.get(id).dataset.s;
        return best && rank[best] >= rank[severity] ? best : severity;
      }, null);
      mark.classList.remove("s-e", "s-w", "s-i", "off", "many");
      mark.classList.add(top ? `s-${top}` : "off");
      if (seen.length > 1) mark.classList.add("many");
    }
    for (const draft of drafts) draft.hidden = !shown.has(draft.id.slice(5));
    for (const group of document.querySelectorAll("details.rule")) {
      group.hidden = !group.querySelector("li.finding:not([hidden])");
    }
    if (pinned && !idsOf(pinned).some(visible)) unpin();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(mark, first) {
    const ids = idsOf(mark).filter(visible);
    if (!ids.length) return;
    if (first !== undefined && ids.includes(first)) ids.sort((a, b) => (b === first) - (a === first));
    tip.replaceChildren();
    for (const id of ids) {
      const li = byId.get(id);
      const item = element("div", "item");
      const head = element("div", "head");
      head.append(li.querySelector(".sev").cloneNode(true), element("code", "rule", rules[Number(li.dataset.r)]));
      const where = element("a", "where", `line ${/(\d+):(\d+)$/.exec(li.querySelector(".where").textContent).slice(1).join(", column ")}`);
      where.href = `#f-${id}`;
      head.append(where);
      item.append(head, element("p", "msg", li.querySelector(".msg").textContent));
      tip.append(item);
    }
    tip.hidden = false;
    const box = mark.getBoundingClientRect();
    const below = box.bottom + 6;
    const top = below + tip.offsetHeight > window.innerHeight ? Math.max(4, box.top - tip.offsetHeight - 6) : below;
    tip.style.top = `${top}px`;
    tip.style.left = `${Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8))}px`;
  }

  function hide() {
    if (!pinned) tip.hidden = true;
  }

  function pin(mark, first) {
    unpin();
    const id = first === undefined ? idsOf(mark).find(visible) : first;
    pinned = mark;
    lit = Array.from(mark.closest("details.draft").querySelectorAll(`mark[data-f~="${id}"]`));
    for (const piece of lit) piece.classList.add("current");
    show(mark, id);
  }

  function unpin() {
    for (const piece of lit) piece.classList.remove("current");
    lit = [];
    pinned = null;
    tip.hidden = true;
  }

  function reveal(id) {
    const li = byId.get(id);
    if (!li) return;
    const draft = document.getElementById(`file-${li.dataset.file}`);
    draft.hidden = false;
    draft.open = true;
    const mark = draft.querySelector(`mark[data-f~="${id}"]`);
    if (current !== null) byId.get(current).classList.remove("current");
    current = id;
    li.classList.add("current");
    li.closest("details").open = true;
    li.scrollIntoView({ block: "nearest" });
    if (!mark) return;
    mark.scrollIntoView({ block: "center" });
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation
    mark.classList.add("flash");
    pin(mark, id);
  }

  function step(direction) {
    const shown = order.filter(visible);
    if (!shown.length) return;
    const at = current === null ? -1 : shown.indexOf(current);
    const next = at < 0 ? (direction > 0 ? 0 : shown.length - 1) : (at + direction + shown.length) % shown.length;
    reveal(shown[next]);
    history.replaceState(null, "", `#f-${shown[next]}`);
  }

  const fromHash = () => {
    const match = /^#f-(\d+)$/.exec(location.hash);
    if (match) reveal(Number(match[1]));
  };

  document.addEventListener("mouseover", (event) => {
    const mark = event.target.closest && event.target.closest("mark.hl");
    if (mark && !pinned && !mark.classList.contains("off")) show(mark);
  });
  document.addEventListener("mouseout", (event) => {
    if (event.target.closest && event.target.closest("mark.hl")) hide();
  });
  document.addEventListener("focusin", (event) => {
    if (event.target.matches("mark.hl") && !pinned) show(event.target);
  });
  document.addEventListener("focusout", (event) => {
    if (event.target.matches("mark.hl")) hide();
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#f-']");
    if (link) {
      event.preventDefault();
      const id = Number(link.getAttribute("href").slice(3));
      history.replaceState(null, "", `#f-${id}`);
      reveal(id);
      return;
    }
    const mark = event.target.closest("mark.hl");
    if (mark && !mark.classList.contains("off")) {
      if (pinned === mark) unpin();
      else pin(mark);
    } else if (!tip.contains(event.target)) {
      unpin();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return unpin();
    if (event.target.matches("input") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Enter" && event.target.matches("mark.hl")) pin(event.target);
    else if (event.key === "n") step(1);
    else if (event.key === "p") step(-1);
  });
  window.addEventListener("hashchange", fromHash);

  for (const box of document.querySelectorAll("input[data-severity]")) {
    box.addEventListener("change", () => {
      state.severities[box.dataset.severity] = box.checked;
      apply();
    });
  }
  for (const bar of document.querySelectorAll("button.bar")) {
    bar.addEventListener("click", () => {
      state.rule = state.rule === bar.dataset.rule ? null : bar.dataset.rule;
      for (const other of document.querySelectorAll("button.bar")) {
        other.setAttribute("aria-pressed", String(other.dataset.rule === state.rule));
      }
      apply();
      if (state.rule !== null) {
        const group = document.getElementById(`rule-${state.rule}`);
        group.open = true;
        group.scrollIntoView({ block: "nearest" });
      }
    });
  }
  let typing = null;
  document.getElementById("path-filter").addEventListener("input", (event) => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.path = event.target.value.trim().toLowerCase();
      apply();
    }, 150);
  });
  document.getElementById("expand-all").addEventListener("click", () => {
    for (const draft of drafts) if (!draft.hidden) draft.open = true;
  });
  document.getElementById("collapse-all").addEventListener("click", () => {
    for (const draft of drafts) draft.open = false;
  });
  const fit = () => document.body.style.setProperty("--header", `${header.offsetHeight}px`);
  window.addEventListener("resize", fit);
  fit();
  fromHash();
  document.documentElement.dataset.ready = "true";
})();
