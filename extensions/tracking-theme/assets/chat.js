// The chat launcher (blocks/chat.liquid, an app embed): ask the assistant about an order, then
// talk to the shop's team with live replies. Requests go through the shop's App Proxy; replies
// arrive on the app's Server-Sent Events stream. Shopper and team text is set as textContent,
// never markup; only the assistant's answer, rendered and escaped by the app, is markup. Photos
// go as multipart with the chat token in the address, so the app checks it before reading them.
(() => {
  const root = document.querySelector("[data-aftercare-chat]");
  if (!root || root.dataset.ready) return;
  root.dataset.ready = "1";
  const t = (key) => root.dataset["t" + key[0].toUpperCase() + key.slice(1)];
  const KEY = "aftercare-chat";
  const h = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children.filter(Boolean));
    return node;
  };
  const field = (label, props) =>
    h("label", {}, label, h(props.rows ? "textarea" : "input", props));

  let order = "";
  let email = "";
  let question = "";
  let handoff = "human";
  let token = sessionStorage.getItem(KEY);
  let stream = null;
  let imageBase = "";
  const seen = new Set();

  const launcher = h("button", {
    type: "button",
    className: "ac-chat-launch",
    textContent: t("open"),
    ariaExpanded: "false",
  });
  const panel = h("div", { className: "ac-chat-panel", hidden: true, role: "dialog" });
  panel.setAttribute("aria-labelledby", "ac-chat-title");
  launcher.setAttribute("aria-controls", "ac-chat-panel");
  panel.id = "ac-chat-panel";
  const notice = h("p", { role: "status" });
  const error = h("p", { role: "alert" });
  error.dataset.error = "";
  const log = h("div", { role: "log" });
  const body = h("div");
  const close = h("button", { type: "button", textContent: t("close") });
  panel.append(
    h("h2", { id: "ac-chat-title", textContent: t("title") }),
    notice,
    log,
    error,
    body,
    close,
  );
  root.append(launcher, panel);

  async function call(request, images = []) {
    error.textContent = "";
    const json = JSON.stringify({ ...request, locale: root.dataset.locale });
    const data = new FormData();
    data.set("request", json);
    for (const image of images) data.append("images", image);
    try {
      const response = await fetch(
        root.dataset.endpoint + (images.length ? "?c=" + encodeURIComponent(token) : ""),
        {
          method: "POST",
          headers: images.length
            ? { Accept: "application/json" }
            : { "Content-Type": "application/json", Accept: "application/json" },
          body: images.length ? data : json,
        },
      );
      const answer = await response.json();
      if (!response.ok) error.textContent = answer.message || t("failed");
      return response.ok ? answer : null;
    } catch {
      error.textContent = t("failed");
      return null;
    }
  }

  function say(author, text, id, images = []) {
    if (id) {
      if (seen.has(id)) return;
      seen.add(id);
    }
    const who = author === "shopper" ? t("you") : author === "merchant" ? t("team") : "";
    log.append(
      h(
        "p",
        {},
        who ? h("strong", { textContent: who + ": " }) : "",
        text,
        ...images.map((image) =>
          h("img", { src: imageBase + image + "?c=" + encodeURIComponent(token), alt: "" }),
        ),
      ),
    );
  }

  function form(fields, label, submit) {
    const element = h("form", {}, ...fields, h("button", { type: "submit", textContent: label }));
    element.addEventListener("submit", async (event) => {
      event.preventDefault();
      const button = element.querySelector("button");
      button.disabled = true;
      const data = new FormData(element);
      await submit(Object.fromEntries(data), data);
      button.disabled = false;
    });
    body.replaceChildren(element);
    return element;
  }

  function askForm() {
    form(
      [
        field(t("order"), {
          name: "order",
          required: true,
          maxLength: 40,
          value: order,
          autocomplete: "off",
        }),
        field(t("email"), {
          name: "email",
          type: "email",
          required: true,
          maxLength: 254,
          value: email,
          autocomplete: "email",
        }),
        field(t("question"), { name: "question", required: true, maxLength: 500, rows: 2 }),
      ],
      t("ask"),
      async (values) => {
        ({ order, email, question } = values);
        const answer = await call({ intent: "ask", ...values });
        if (!answer) return;
        say("shopper", question);
        const reply = h("div", { className: "ac-chat-answer" });
        reply.innerHTML = answer.answerHtml;
        log.append(reply);
        handoff = answer.handoff;
        askForm();
        const person = h("button", { type: "button", textContent: t("person") });
        person.addEventListener("click", contactForm);
        body.prepend(person);
      },
    );
  }

  function contactForm() {
    form(
      [
        field(t("message"), {
          name: "message",
          required: true,
          maxLength: 5000,
          rows: 3,
          value: question,
        }),
      ],
      t("send"),
      async ({ message }) => {
        const answer = await call({
          intent: "contact",
          order,
          email,
          question,
          answer: handoff,
          message,
        });
        if (answer) conversation(answer);
      },
    );
  }

  function conversation(answer) {
    token = answer.token;
    imageBase = answer.imageBase;
    sessionStorage.setItem(KEY, token);
    notice.textContent = answer.notice;
    const show = (entry) => say(entry.author, entry.body, entry.id, entry.images);
    answer.messages.forEach(show);
    const last = answer.messages[answer.messages.length - 1];
    const sending = form(
      [
        field(t("message"), { name: "message", maxLength: 5000, rows: 3 }),
        field(t("photos"), { name: "images", type: "file", multiple: true, accept: "image/*" }),
      ],
      t("send"),
      async ({ message }, data) => {
        const images = data.getAll("images").filter((image) => image.size);
        const sent = await call({ intent: "send", token, message }, images);
        if (sent) {
          sending.reset();
          sent.messages.forEach(show);
        }
      },
    );
    if (stream) return;
    stream = new EventSource(answer.stream + (last ? "&since=" + Date.parse(last.at) : ""));
    stream.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      say(message.author, message.body, message.id);
    });
  }

  async function start() {
    const resumed = token && (await call({ intent: "thread", token }));
    if (resumed) return conversation(resumed);
    sessionStorage.removeItem(KEY);
    const status = await call({ intent: "status" });
    if (status) notice.textContent = status.notice;
    askForm();
  }

  launcher.addEventListener("click", () => {
    const opening = panel.hidden;
    panel.hidden = !opening;
    launcher.setAttribute("aria-expanded", String(opening));
    if (opening && !body.firstChild) start();
    if (opening) panel.querySelector("input, textarea, button")?.focus();
  });
  close.addEventListener("click", () => {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  });
})();
