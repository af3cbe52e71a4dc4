// npm start only (served by src/site/dev-server.ts, never part of a build). Switches the open page
// to the "Build failed" page when a save breaks the build, and back to the site when a save fixes
// it. The dev server's websocket says that something happened; /.verbatim/build-status.json says
// what, and reloading the page lets the server answer with the right one.
(() => {
  const STATUS = "/.verbatim/build-status.json";
  const failed = document.documentElement.getAttribute("data-verbatim-build-failed");
  /** What this page shows: "ok", or "failed:<version>" for the problems of one failed build. */
  const showing = failed ? `failed:${failed}` : "ok";
  let checking = false;
  let again = false;
  let retry = 500;

  async function check() {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    try {
      do {
        again = false;
        const response = await fetch(STATUS, { cache: "no-store" });
        const status = await response.json();
        if ((status.ok ? "ok" : `failed:${status.version}`) !== showing) {
          location.reload();
          return;
        }
      } while (again);
    } catch {
      // The server is restarting or gone; the next message or reconnection checks again.
    } finally {
      checking = false;
    }
  }

  function connect() {
    const socket = new WebSocket(location.origin.replace(/^http/u, "ws"));
    socket.addEventListener("open", () => {
      retry = 500;
      // Anything missed while disconnected.
      check();
    });
    socket.addEventListener("message", (event) => {
      let type;
      try {
        ({ type } = JSON.parse(event.data));
      } catch {
        return;
      }
      if (type === "eleventy.error" || type === "eleventy.reload") check();
    });
    socket.addEventListener("close", () => {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10_000);
    });
  }

  if (failed) document.getElementById("build-failed")?.focus();
  connect();
})();
