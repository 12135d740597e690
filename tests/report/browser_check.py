#!/usr/bin/python3
"""Loads an HTML page (what `parley report` writes) in headless Chromium and checks that it renders.

    tests/report/browser_check.py PAGE.html [--screenshot OUT.png] [--window-size W,H]
                                  [--chromium PATH] [--width PX] [--timeout S]

The page's folder is served on 127.0.0.1 (an ephemeral port). A harness page served from the
same origin loads the report in an iframe `--width` pixels wide (1280) and, once it has loaded,
checks that:

* no script error was thrown and nothing was written to console.error (a hook, injected as the
  report's first script when the server sends it to the iframe, records window errors, unhandled
  rejections, console.error calls, failed resource loads and Content-Security-Policy violations;
  Chromium's own log is read for uncaught errors and refused loads as well);
* the document has a non-empty <title> and a non-empty <h1>;
* every <img> is complete with a natural width above 0;
* every outermost <svg> has a non-zero bounding box and draws something (a path, line, shape,
  text, image or use outside <defs>, with a non-zero box); an <svg> holding only definitions
  (a sprite sheet) is left alone;
* the page is self-contained: every resource it loaded (Resource Timing), every URL its elements
  and style sheets name, and every request the server saw are on the page's own origin or
  data: URLs. Chromium resolves no host name but 127.0.0.1, so an outside resource fails to load
  instead of being fetched; links (<a href>) are not resources and may point anywhere;
* the page does not overflow the viewport horizontally by more than `--overflow-tolerance` px.

<details> elements are opened before the figures are measured, so a figure in a closed one is
checked too. The harness writes its verdict as JSON into its own DOM, which `chromium --dump-dom`
prints. With --screenshot, Chromium then takes a screenshot of the report itself (no hook)
`--width` wide and as tall as the page (at most --max-height, 6000 px), or `--window-size`.

Exit status: 0 when every check passes, 1 when one fails (each failing image, figure or error is
named), 2 on a usage error or when Chromium is missing. Uses only Python's standard library.
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

ASSETS = "/__browser_check__/"   # where the server serves the harness and the hook
HOOK_QUERY = "browser-check"     # the report's URL with this query gets the hook injected

# Chromium as root in a container, with no network but the local server, no first-run work and
# a fresh profile (added per run).
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--enable-logging=stderr", "--v=0",
]

# Runs in the report's window before anything else of it: records what goes wrong.
HOOK_JS = r"""(function () {
  var rec = window.__browserCheck = {errors: [], consoleErrors: [], resourceErrors: [], csp: []};
  function where(file, line) {
    file = String(file || '').replace(location.origin + '/', '').replace('?browser-check', '');
    return file ? ' (' + file + (line ? ':' + line : '') + ')' : '';
  }
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && t.nodeType === 1) {
      var url = t.currentSrc || t.src || t.href || t.getAttribute('href') || t.getAttribute('xlink:href') || '';
      if (url && url.baseVal !== undefined) url = url.baseVal;
      rec.resourceErrors.push({tag: t.tagName.toLowerCase(), url: String(url)});
    } else {
      rec.errors.push(String(e.message || e.error) + where(e.filename, e.lineno));
    }
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    rec.errors.push('Unhandled promise rejection: ' + (r && r.stack ? r.stack.split('\n')[0] : String(r)));
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    if (String(e.blockedURI).indexOf('/__browser_check__/') < 0)
      rec.csp.push(e.violatedDirective + ' blocked ' + (String(e.blockedURI).replace(location.origin + '/', '') ||
                   'inline content') + where(e.sourceFile, e.lineNumber));
  });
  var original = console.error;
  console.error = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
      var a = arguments[i];
      parts.push(a && a.stack ? a.stack.split('\n')[0] : String(a));
    }
    rec.consoleErrors.push(parts.join(' '));
    return original.apply(console, arguments);
  };
})();
"""

# The harness: puts the report in an iframe, waits for it, checks it, writes the verdict.
HARNESS_JS = r"""(async function () {
  const C = window.CHECK;
  const out = document.getElementById('verdict');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const clip = (s, n) => { s = String(s).replace(/\s+/g, ' ').trim(); return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; };
  const shortUrl = (u) => {
    u = String(u);
    if (u.startsWith('data:')) return clip(u, 40) + ' [' + u.length + ' characters]';
    return u.startsWith(location.origin + '/') ? u.slice(location.origin.length + 1) : u;
  };
  const frame = document.createElement('iframe');
  frame.style.width = C.width + 'px';
  frame.style.height = C.height + 'px';
  const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
  frame.src = C.src;
  document.body.insertBefore(frame, out);
  await loaded;
  const v = {problems: [], warnings: [], stats: {}};
  const problem = (kind, what) => v.problems.push({kind, what});
  try {
    const w = frame.contentWindow, d = frame.contentDocument;
    const root = d.documentElement;
    const describe = (el) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += '#' + el.id;
      const cls = el.getAttribute('class');
      if (cls) s += '.' + cls.trim().split(/\s+/).join('.');
      return s;
    };
    // What the figure is called: its id, its label or <title>, else its figure's caption or the
    // heading before it.
    const label = (el) => {
      const bits = [];
      if (el.id) bits.push('id "' + el.id + '"');
      const aria = el.getAttribute('aria-label');
      const t = Array.from(el.children).find((c) => c.tagName.toLowerCase() === 'title');
      if (aria) bits.push('"' + clip(aria, 60) + '"');
      else if (t && t.textContent.trim()) bits.push('"' + clip(t.textContent, 60) + '"');
      else if (el.getAttribute('alt')) bits.push('alt "' + clip(el.getAttribute('alt'), 60) + '"');
      const fig = el.closest('figure');
      const cap = fig && fig.querySelector('figcaption');
      if (cap && cap.textContent.trim()) bits.push('caption "' + clip(cap.textContent, 60) + '"');
      else {
        const hs = Array.from(d.querySelectorAll('h1,h2,h3,h4'))
          .filter((h) => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (hs.length) bits.push('under "' + clip(hs[hs.length - 1].textContent, 60) + '"');
      }
      return bits.join(', ');
    };

    const rec = w.__browserCheck;
    v.stats.hook = !!rec;
    if (!rec) v.warnings.push('the check\'s error hook did not run in the report (a Content-Security-Policy?); ' +
                              'script errors are taken from Chromium\'s log only');

    // Title and heading.
    v.stats.title = d.title.trim();
    const h1 = d.querySelector('h1');
    v.stats.h1 = h1 ? clip(h1.textContent, 80) : null;
    if (!v.stats.title) problem('document', 'no <title>, or an empty one');
    if (!h1) problem('document', 'no <h1>');
    else if (!h1.textContent.trim()) problem('document', 'the <h1> is empty');

    // The page's height at the check's width, before anything is opened: the screenshot's height.
    // (scrollHeight is at least the frame's height; a shorter page is as tall as its root element.)
    v.stats.height = root.scrollHeight > root.clientHeight ? root.scrollHeight
                                                          : Math.ceil(root.getBoundingClientRect().height);
    v.stats.width = root.clientWidth;

    // Horizontal overflow, at the check's width.
    const overflow = root.scrollWidth - root.clientWidth;
    v.stats.overflow = overflow;
    if (C.overflowTolerance >= 0 && overflow > C.overflowTolerance) {
      const limit = root.clientWidth + C.overflowTolerance;
      // Inside a box that scrolls or clips horizontally, an element does not widen the page.
      const clipped = (el) => {
        for (let a = el.parentElement; a && a !== d.body; a = a.parentElement)
          if (w.getComputedStyle(a).overflowX !== 'visible') return true;
        return false;
      };
      const wide = Array.from(d.body ? d.body.querySelectorAll('*') : [])
        .filter((el) => el.getBoundingClientRect().right > limit && !clipped(el))
        .filter((el) => !el.parentElement || el.parentElement === d.body ||
                        el.parentElement.getBoundingClientRect().right <= limit);
      problem('layout', 'the page is ' + overflow + ' px wider than the ' + root.clientWidth + ' px viewport' +
              (wide.length ? '; too wide: ' + wide.slice(0, 5).map((el) => describe(el) + ' (' +
                Math.round(el.getBoundingClientRect().width) + ' px)').join(', ') : ''));
    }

    // Everything rendered: closed <details> opened, the frame as tall as the page (lazy images
    // load), web fonts in, a moment for layout.
    d.querySelectorAll('details').forEach((el) => { el.open = true; });
    frame.style.height = Math.min(Math.max(root.scrollHeight, C.height), 30000) + 'px';
    if (d.fonts && d.fonts.ready) await d.fonts.ready;
    await sleep(300);

    // Images.
    const imgs = Array.from(d.images);
    await Promise.race([Promise.all(imgs.map((img) => img.decode().catch(() => null))), sleep(10000)]);
    v.stats.images = imgs.length;
    const badImages = new Set();
    imgs.forEach((img, i) => {
      const src = img.currentSrc || img.getAttribute('src') || '';
      if (!img.complete || img.naturalWidth === 0) {
        badImages.add(src);
        const lab = label(img);
        problem('image', 'image ' + (i + 1) + ' of ' + imgs.length + ' did not load: <img src="' + shortUrl(src) + '">' +
                (lab ? ' (' + lab + ')' : '') + (img.complete ? '' : ', still loading'));
      }
    });

    // Figures: every outermost <svg>.
    const drawnSel = 'path,line,polyline,polygon,rect,circle,ellipse,text,image,use,foreignObject';
    const hidden = 'defs,symbol,clipPath,marker,pattern,mask,linearGradient,radialGradient,filter';
    const svgs = Array.from(d.querySelectorAll('svg')).filter((s) => !(s.parentElement && s.parentElement.closest('svg')));
    v.stats.svgs = svgs.length;
    v.stats.sprites = 0;
    svgs.forEach((svg, i) => {
      const box = svg.getBoundingClientRect();
      const shapes = Array.from(svg.querySelectorAll(drawnSel)).filter((el) => !el.closest(hidden));
      const name = 'figure ' + (i + 1) + ' of ' + svgs.length + ' (<svg>' + (label(svg) ? ', ' + label(svg) : '') + ')';
      if (shapes.length === 0 && svg.querySelector('symbol,defs')) { v.stats.sprites++; return; }
      if (box.width < 1 || box.height < 1) {
        problem('svg', name + ' has no size: ' + Math.round(box.width) + 'x' + Math.round(box.height) + ' px');
        return;
      }
      const drawn = shapes.filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 || b.height > 0; });
      if (shapes.length === 0) problem('svg', name + ' draws nothing (no path, line, shape, text or image)');
      else if (drawn.length === 0) problem('svg', name + ' draws nothing visible: its ' + shapes.length + ' elements have no size');
    });

    // Self-containment: every URL the page loaded or names for loading.
    const foreign = new Map();
    const consider = (url, how) => {
      if (!url) return;
      let u;
      try { u = new URL(url, d.baseURI); } catch (e) { return; }
      if (['data:', 'blob:', 'about:', 'javascript:'].includes(u.protocol)) return;
      if (u.origin === location.origin) return;
      if (!foreign.has(u.href)) foreign.set(u.href, how);
    };
    for (const win of [w, window])
      for (const e of win.performance.getEntriesByType('resource')) consider(e.name, 'requested');
    const attrs = [
      ['img', 'src'], ['img', 'srcset'], ['source', 'src'], ['source', 'srcset'], ['script', 'src'],
      ['iframe', 'src'], ['frame', 'src'], ['embed', 'src'], ['object', 'data'], ['video', 'src'],
      ['video', 'poster'], ['audio', 'src'], ['track', 'src'], ['input', 'src'],
      ['link[rel~="stylesheet" i],link[rel~="icon" i],link[rel~="preload" i],link[rel~="prefetch" i],' +
       'link[rel~="modulepreload" i],link[rel~="manifest" i],link[rel~="import" i]', 'href'],
    ];
    for (const [sel, attr] of attrs)
      d.querySelectorAll(sel).forEach((el) => {
        const value = el.getAttribute(attr);
        if (!value) return;
        const urls = attr === 'srcset' ? value.split(',').map((s) => s.trim().split(/\s+/)[0]) : [value];
        urls.forEach((u) => consider(u, '<' + el.tagName.toLowerCase() + ' ' + attr + '>'));
      });
    // In SVG, href and xlink:href of what fetches (image, use, feImage, script).
    d.querySelectorAll('svg image, svg use, svg feImage, svg script').forEach((el) => {
      const value = el.getAttribute('href') || el.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
      if (value && !value.startsWith('#')) consider(value, '<' + el.tagName + ' href>');
    });
    const cssUrls = (text, base, how) => {
      for (const m of String(text).matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g))
        if (!m[2].startsWith('#')) { try { consider(new URL(m[2], base).href, how); } catch (e) {} }
      for (const m of String(text).matchAll(/@import\s+(['"])(.*?)\1/g)) {
        try { consider(new URL(m[2], base).href, how); } catch (e) {}
      }
    };
    for (const sheet of Array.from(d.styleSheets)) {
      let rules = null;
      try { rules = sheet.cssRules; } catch (e) { consider(sheet.href, 'style sheet'); }
      if (rules) for (const r of Array.from(rules)) cssUrls(r.cssText, sheet.href || d.baseURI, 'CSS url()');
    }
    d.querySelectorAll('[style]').forEach((el) => cssUrls(el.getAttribute('style'), d.baseURI, 'style attribute'));
    d.querySelectorAll('style').forEach((el) => cssUrls(el.textContent, d.baseURI, '<style>'));
    for (const [url, how] of foreign) problem('external', 'not self-contained: ' + how + ' ' + url);

    // What the hook saw.
    if (rec) {
      rec.errors.forEach((e) => problem('script', e));
      rec.consoleErrors.forEach((e) => problem('console', 'console.error: ' + e));
      rec.csp.forEach((e) => problem('csp', 'Content-Security-Policy: ' + e));
      rec.resourceErrors.forEach((e) => {
        let abs = e.url;
        try { abs = new URL(e.url, d.baseURI).href; } catch (x) {}
        if (badImages.has(e.url) || badImages.has(abs) || foreign.has(abs)) return;
        problem('resource', '<' + e.tag + '> failed to load ' + shortUrl(abs));
      });
    }
    v.stats.resources = w.performance.getEntriesByType('resource')
      .filter((e) => !e.name.startsWith(location.origin + '/__browser_check__/')).length;
  } catch (e) {
    problem('harness', 'the check itself failed: ' + e + (e.stack ? ' ' + e.stack.split('\n')[1] : ''));
  }
  out.textContent = JSON.stringify(v);
})();
"""


def harness_html(src: str, width: int, height: int, tolerance: int) -> bytes:
    config = json.dumps({"src": src, "width": width, "height": height, "overflowTolerance": tolerance})
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>browser check</title>\n"
            "<style>html,body{margin:0;padding:0} iframe{display:block;border:0}</style>\n"
            "</head><body>\n<pre id=\"verdict\"></pre>\n"
            f"<script>window.CHECK = {config};</script>\n"
            f"<script>{HARNESS_JS}</script>\n</body></html>\n").encode()


# After the doctype (quirks mode is decided before any element), or after a <meta charset> near
# the top (the encoding prescan reads the first 1024 bytes): where the hook's <script> goes.
_DOCTYPE = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<!doctype[^>]*>", re.I | re.S)
_META_CHARSET = re.compile(rb"<meta\s[^>]*charset[^>]*>", re.I)


def inject_hook(page: bytes) -> bytes:
    tag = f'<script src="{ASSETS}hook.js"></script>'.encode()
    meta = _META_CHARSET.search(page, 0, 1024)
    if meta:
        at = meta.end()
    else:
        doctype = _DOCTYPE.match(page)
        at = doctype.end() if doctype else (3 if page.startswith(b"\xef\xbb\xbf") else 0)
    return page[:at] + tag + page[at:]


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path, page_name: str, assets: dict[str, bytes]):
        self.page_name = page_name
        self.assets = assets
        self.requests: list[tuple[str, int]] = []
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(SimpleHTTPRequestHandler):
    server: Server

    def do_GET(self):
        path = urlsplit(self.path)
        if path.path.startswith(ASSETS):
            body = self.server.assets.get(path.path[len(ASSETS):])
            if body is None:
                self.send_error(404)
                return
            kind = "text/javascript" if path.path.endswith(".js") else "text/html; charset=utf-8"
            self.send_body(body, kind)
        elif path.query == HOOK_QUERY and unquote(path.path) == "/" + self.server.page_name:
            page = Path(self.directory, self.server.page_name).read_bytes()
            self.send_body(inject_hook(page), self.guess_type(self.server.page_name))
        else:
            super().do_GET()

    def send_body(self, body: bytes, kind: str):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code="-", size="-"):
        with self.server.lock:
            self.server.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


def run_chromium(chromium: str, args: list[str], timeout: float) -> tuple[int | None, str, str]:
    """Runs Chromium with a fresh profile; returns (exit status or None on timeout, stdout, stderr).
    On timeout, kills the process group it started."""
    with tempfile.TemporaryDirectory(prefix="browser-check-profile-", ignore_cleanup_errors=True) as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                errors="replace", start_new_session=True)
        try:
            out, err = proc.communicate(timeout=timeout)
            status: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            status = None
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)   # what is left of this run (renderers, zygote)
            except (ProcessLookupError, PermissionError):
                pass
        if status is None:
            out, err = proc.communicate()
        return status, out, err


# Chromium's log line for a console message: [pid:tid:time:INFO:CONSOLE:12] "text", source: URL (12)
_CONSOLE = re.compile(r':CONSOLE[:(](\d+)\)?\] "(.*)", source: (\S*) \((\d+)\)\s*$')


def console_problems(stderr: str, origin: str, with_csp: bool) -> list[dict]:
    """Uncaught errors in Chromium's log (and, when the hook did not run, refused loads)."""
    found = []
    for line in stderr.splitlines():
        m = _CONSOLE.search(line)
        if not m:
            continue
        text, source, lineno = m.group(2), m.group(3), m.group(4)
        if ASSETS + "hook.js" in text:
            continue   # the report's Content-Security-Policy refused the hook: a warning already
        csp = text.startswith("Refused to") or "violates the following Content Security Policy" in text
        if text.startswith("Uncaught") or (csp and with_csp):
            text = text.replace(origin + "/", "")
            where = source.replace(origin + "/", "").replace("?" + HOOK_QUERY, "")
            found.append({"kind": "csp" if csp else "script",
                          "what": f"{text} ({where}:{lineno})" if where else text})
    return found


def png_size(path: Path) -> tuple[int, int] | None:
    try:
        head = path.read_bytes()[:24]
    except OSError:
        return None
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def parse_window_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*[,x]\s*(\d+)\s*", text)
    if not m or int(m.group(1)) < 1 or int(m.group(2)) < 1:
        raise argparse.ArgumentTypeError(f"expected W,H (e.g. 1280,800), got {text!r}")
    return int(m.group(1)), int(m.group(2))


def find_chromium(given: str | None) -> str | None:
    if given:
        return given if (os.path.isfile(given) and os.access(given, os.X_OK)) else shutil.which(given)
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="browser_check.py",
        description="Load an HTML report in headless Chromium and check that it renders: no script "
                    "errors, a title and an <h1>, every image loaded, every <svg> drawn, nothing "
                    "loaded from another origin. Exit 0 pass, 1 fail, 2 usage or no Chromium.")
    ap.add_argument("page", type=Path, help="the HTML file to check")
    ap.add_argument("--screenshot", type=Path, metavar="OUT.png",
                    help="also save a screenshot of the page (as tall as the page, at most --max-height)")
    ap.add_argument("--window-size", type=parse_window_size, metavar="W,H",
                    help="the screenshot's size instead (e.g. 1280,800 for the top of the page)")
    ap.add_argument("--max-height", type=int, default=6000, metavar="PX",
                    help="the tallest full-page screenshot (default 6000)")
    ap.add_argument("--width", type=int, default=1280, metavar="PX",
                    help="the viewport width the page is checked and shot at (default 1280)")
    ap.add_argument("--overflow-tolerance", type=int, default=32, metavar="PX",
                    help="how far the page may be wider than the viewport (default 32; -1: not checked)")
    ap.add_argument("--chromium", metavar="PATH", help="the Chromium binary (default: chromium on PATH)")
    ap.add_argument("--timeout", type=float, default=60, metavar="S",
                    help="seconds before Chromium is killed and the check fails (default 60)")
    args = ap.parse_args(argv)

    page = args.page
    if not page.is_file():
        print(f"browser_check: {page}: no such file", file=sys.stderr)
        return 2
    if args.width < 200 or args.max_height < 100:
        print("browser_check: --width must be at least 200 and --max-height at least 100", file=sys.stderr)
        return 2
    chromium = find_chromium(args.chromium)
    if not chromium:
        print(f"browser_check: no Chromium found ({args.chromium or 'chromium on PATH'}); "
              "Debian: apt-get install chromium (or tools/setup.sh --browser)", file=sys.stderr)
        return 2

    started = time.monotonic()
    page = page.resolve()
    name = page.name
    src = "/" + quote(name)
    server = Server(page.parent, name, {})
    server.assets["hook.js"] = HOOK_JS.encode()
    server.assets["harness.html"] = harness_html(f"{src}?{HOOK_QUERY}", args.width, 800, args.overflow_tolerance)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = server.origin
    problems: list[dict] = []
    warnings: list[str] = []
    stats: dict = {}
    try:
        status, out, err = run_chromium(
            chromium, [f"--window-size={args.width + 20},900", "--virtual-time-budget=30000",
                       "--dump-dom", f"{origin}{ASSETS}harness.html"], args.timeout)
        m = re.search(r'<pre id="verdict">(.*?)</pre>', out, re.S)
        verdict_text = html.unescape(m.group(1)).strip() if m else ""
        if status is None:
            problems.append({"kind": "timeout", "what": f"Chromium did not finish within {args.timeout:g} s"})
        elif not verdict_text:
            tail = "\n".join(line for line in err.splitlines()[-8:] if "dbus" not in line)
            problems.append({"kind": "harness",
                             "what": f"no verdict: the page did not finish loading, or Chromium failed "
                                     f"(exit status {status}){': ' + tail if tail else ''}"})
        else:
            try:
                verdict = json.loads(verdict_text)
                problems += verdict["problems"]
                warnings += verdict["warnings"]
                stats = verdict["stats"]
            except (ValueError, KeyError, TypeError) as e:
                problems.append({"kind": "harness", "what": f"unreadable verdict ({e}): {verdict_text[:200]}"})
        seen = {p["what"].split(" (")[0] for p in problems}
        for p in console_problems(err, origin, with_csp=not stats.get("hook")):
            if p["what"].split(" (")[0] not in seen:
                seen.add(p["what"].split(" (")[0])
                problems.append(p)
        named = " ".join(p["what"] for p in problems)
        with server.lock:
            requests = list(server.requests)
        for path, code in requests:
            if code >= 400 and urlsplit(path).path != "/favicon.ico":
                if unquote(urlsplit(path).path).lstrip("/") not in unquote(named):
                    problems.append({"kind": "resource", "what": f"the page requested {path}: HTTP {code}"})

        shot_note = ""
        check_took = time.monotonic() - started
        if args.screenshot:
            if args.window_size:
                width, height = args.window_size
            else:
                width = args.width
                height = min(max(int(stats.get("height") or 0), 100), args.max_height) if stats else 2000
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            shot = args.screenshot.resolve()
            if shot.exists():
                shot.unlink()
            status, _, err = run_chromium(
                chromium, [f"--window-size={width},{height}", "--virtual-time-budget=10000",
                           f"--screenshot={shot}", f"{origin}{src}"], args.timeout)
            size = png_size(shot)
            if status is None:
                problems.append({"kind": "screenshot", "what": f"the screenshot timed out after {args.timeout:g} s"})
            elif size is None:
                problems.append({"kind": "screenshot", "what": f"no screenshot written to {args.screenshot} "
                                                               f"(Chromium's exit status {status})"})
            else:
                shot_note = f"screenshot: {args.screenshot} ({size[0]}x{size[1]})"
                if not args.window_size and stats.get("height", 0) > args.max_height:
                    shot_note += f", the top {args.max_height} px of {stats['height']}"
    finally:
        server.shutdown()
        server.server_close()

    took = time.monotonic() - started
    verdict = "FAIL" if problems else "PASS"
    print(f"browser_check: {args.page}: {verdict}"
          + (f" ({len(problems)} problem{'s' if len(problems) != 1 else ''})" if problems else ""))
    if stats:
        print(f"  title {json.dumps(stats.get('title', ''))}, h1 {json.dumps(stats.get('h1'))}")
        print(f"  {stats.get('svgs', 0)} svg figure(s), {stats.get('images', 0)} image(s), "
              f"{stats.get('resources', 0)} resource request(s); page {stats.get('width')}x{stats.get('height')} px"
              + (f", {stats['sprites']} definitions-only svg(s) skipped" if stats.get("sprites") else ""))
    for p in problems:
        print(f"  FAIL [{p['kind']}] {p['what']}")
    for w in warnings:
        print(f"  warning: {w}")
    if args.screenshot and shot_note:
        print(f"  {shot_note}")
    print(f"  checked in {took:.1f} s" + (f" (the screenshot {took - check_took:.1f} s)" if args.screenshot else "")
          + f" with {chromium}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
