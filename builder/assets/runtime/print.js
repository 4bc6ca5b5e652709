/* Printing. On paper a link cannot be followed, so links between the course's pages carry their
   full address in data-cb-href, which the print stylesheet (course-print.css) shows after the link;
   links to other sites show their href already. */
function markLinks() {
  D.querySelectorAll(".md-content a[href]").forEach(a => {
    const href = a.getAttribute("href");
    if (!href || href[0] === "#" || /^[a-z][a-z0-9+.-]*:/i.test(href) || a.classList.contains("headerlink")) return;
    a.dataset.cbHref = a.href.split("#")[0].replace(/index\.html$/, "");
  });
}
window.addEventListener("beforeprint", markLinks);
