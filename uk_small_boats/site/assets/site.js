// Every page: a table that scrolls sideways gets keyboard focus and a name, so it can be
// scrolled without a mouse (the theme wraps tables in a scroll container after the page loads).
(function () {
  function label() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach((wrap) => {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        const caption = wrap.querySelector("caption");
        wrap.setAttribute("aria-label", caption ? caption.textContent : "Table (scrolls sideways)");
      }
    });
  }
  window.addEventListener("load", label);
  window.addEventListener("resize", label);
})();
