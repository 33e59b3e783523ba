// The "how to verify" page, in the browser: checks the SSHSIG signature over SHA256SUMS with
// Web Crypto (Ed25519), the release record, the key fingerprint, and the SHA-256 of every
// published file; and tells whether a file the reader drops here is genuine and current,
// genuine but superseded (by which release, when), or not part of any release.
// Reads only files of this site (relative to the site root), sends nothing, never throws:
// every problem is shown in the page. The UI strings come from the page (strings.yaml).
(function () {
  'use strict';

  var NAMESPACE = 'trustpage';
  var HASH = 'sha512';
  var CONCURRENCY = 4;
  var MAX_LISTED = 10;  // problems named one by one, then "...and N more"
  var SCRIPT_PATH = 'assets/verify.js';

  var script = document.currentScript;

  // ------------------------------------------------------------ page

  var strings = {};
  function t(key, vars) {
    var s = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return s.replace(/\{([a-z_]+)\}/g, function (m, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : m;
    });
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function siteRoot() {
    var src = script && script.src ? script.src.split(/[?#]/)[0] : '';
    if (src && src.slice(-SCRIPT_PATH.length) === SCRIPT_PATH) {
      return src.slice(0, -SCRIPT_PATH.length);
    }
    // A theme that renamed the script: the page links SHA256SUMS at the site root.
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].href.split(/[?#]/)[0];
      if (/\/SHA256SUMS$/.test(href)) return href.slice(0, -'SHA256SUMS'.length);
    }
    return new URL('.', location.href).href;
  }

  // "2026-11-21T21:59:20+00:00" -> "2026-11-21 21:59 +00:00", as the page footer shows it.
  function showDate(iso) {
    var m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.exec(iso || '');
    if (!m) return String(iso || '');
    return m[1] + ' ' + m[2] + ' ' + (m[3] === 'Z' ? '+00:00' : m[3]);
  }

  // ------------------------------------------------------------ bytes

  var utf8 = new TextEncoder();

  function bytesOf(text) {
    return utf8.encode(text);
  }

  function concat(parts) {
    var n = 0;
    parts.forEach(function (p) { n += p.length; });
    var out = new Uint8Array(n);
    var at = 0;
    parts.forEach(function (p) { out.set(p, at); at += p.length; });
    return out;
  }

  function sshString(bytes) {
    var out = new Uint8Array(4 + bytes.length);
    new DataView(out.buffer).setUint32(0, bytes.length);
    out.set(bytes, 4);
    return out;
  }

  function equalBytes(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function hex(buffer) {
    var b = new Uint8Array(buffer);
    var s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }

  function base64Decode(text) {
    var bin = atob(text.replace(/\s+/g, ''));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function base64Encode(bytes) {
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin);
  }

  function sha256Hex(bytes) {
    return crypto.subtle.digest('SHA-256', bytes).then(hex);
  }

  // ------------------------------------------------------------ problems

  // A check that failed: `key` names its message in strings.yaml.
  function Problem(key, vars) {
    this.key = key;
    this.vars = vars || {};
  }
  Problem.prototype.text = function () { return t(this.key, this.vars); };

  // The environment cannot run the check (file://, no Web Crypto, no network).
  function Unavailable(key, vars) {
    this.key = key;
    this.vars = vars || {};
  }

  // ------------------------------------------------------------ SSHSIG

  function Reader(bytes) {
    this.b = bytes;
    this.p = 0;
  }
  Reader.prototype.u32 = function () {
    if (this.p + 4 > this.b.length) throw new Error('truncated');
    var v = new DataView(this.b.buffer, this.b.byteOffset + this.p, 4).getUint32(0);
    this.p += 4;
    return v;
  };
  Reader.prototype.bytes = function (n) {
    if (this.p + n > this.b.length) throw new Error('truncated');
    var v = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return v;
  };
  Reader.prototype.string = function () { return this.bytes(this.u32()); };
  Reader.prototype.text = function () { return new TextDecoder().decode(this.string()); };
  Reader.prototype.end = function () {
    if (this.p !== this.b.length) throw new Error('trailing bytes');
  };

  // The armored SSHSIG of `file` -> {publicKey (blob), key (32 bytes), namespace, hash, signature}.
  function parseSshsig(armored, file) {
    try {
      var m = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/.exec(armored);
      if (!m) throw new Error('no armor');
      var r = new Reader(base64Decode(m[1]));
      if (new TextDecoder().decode(r.bytes(6)) !== 'SSHSIG') throw new Error('magic');
      if (r.u32() !== 1) throw new Error('version');
      var publicKey = r.string();
      var namespace = r.text();
      r.string();  // reserved
      var hash = r.text();
      var sigBlob = r.string();
      r.end();

      var k = new Reader(publicKey);
      if (k.text() !== 'ssh-ed25519') throw new Error('key type');
      var key = k.string();
      k.end();
      if (key.length !== 32) throw new Error('key length');

      var s = new Reader(sigBlob);
      if (s.text() !== 'ssh-ed25519') throw new Error('signature type');
      var signature = s.string();
      s.end();
      if (signature.length !== 64) throw new Error('signature length');
      return { publicKey: publicKey, key: key, namespace: namespace, hash: hash, signature: signature };
    } catch (e) {
      throw new Problem('verify_browser_fail_signature_format', { file: file });
    }
  }

  // `SHA256:` + unpadded base64 of SHA-256 over the key blob, as `ssh-keygen -l` prints it.
  function fingerprint(publicKey) {
    return crypto.subtle.digest('SHA-256', publicKey).then(function (d) {
      return 'SHA256:' + base64Encode(new Uint8Array(d)).replace(/=+$/, '');
    });
  }

  // Checks `armored` over `manifest` (bytes); resolves to the key's fingerprint.
  async function verifySshsig(manifest, armored, file) {
    var sig = parseSshsig(armored, file);
    if (sig.namespace !== NAMESPACE || sig.hash !== HASH) {
      throw new Problem('verify_browser_fail_signature_params',
        { file: file, namespace: sig.namespace, hash: sig.hash });
    }
    var key;
    try {
      key = await crypto.subtle.importKey('raw', sig.key, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      throw new Unavailable('verify_browser_need_crypto');
    }
    var digest = new Uint8Array(await crypto.subtle.digest('SHA-512', manifest));
    var signed = concat([bytesOf('SSHSIG'), sshString(bytesOf(NAMESPACE)), sshString(new Uint8Array(0)),
      sshString(bytesOf(HASH)), sshString(digest)]);
    var ok;
    try {
      ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, sig.signature, signed);
    } catch (e) {
      throw new Unavailable('verify_browser_need_crypto');
    }
    if (!ok) throw new Problem('verify_browser_fail_signature', { file: file });
    return fingerprint(sig.publicKey);
  }

  // ------------------------------------------------------------ manifest, release

  // A path the manifest may list: relative, no "." or ".." segments, no backslash or controls.
  function safePath(p) {
    if (!p || p.charAt(0) === '/' || /[\\\u0000-\u001f\u007f]/.test(p)) return false;
    return p.split('/').every(function (s) { return s !== '' && s !== '.' && s !== '..'; });
  }

  // SHA256SUMS (GNU sha256sum format, as trustpage writes it) -> {entries: [{path, digest}], byPath}.
  function parseManifest(bytes, file) {
    var text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      throw new Problem('verify_browser_fail_manifest', { file: file, line: 1 });
    }
    var entries = [];
    var byPath = new Map();
    var lines = text.split('\n');
    if (lines.pop() !== '') {
      throw new Problem('verify_browser_fail_manifest', { file: file, line: lines.length + 1 });
    }
    for (var i = 0; i < lines.length; i++) {
      var m = /^([0-9a-f]{64})  (.+)$/.exec(lines[i]);
      if (!m || !safePath(m[2]) || byPath.has(m[2])) {
        throw new Problem('verify_browser_fail_manifest', { file: file, line: i + 1 });
      }
      entries.push({ path: m[2], digest: m[1] });
      byPath.set(m[2], m[1]);
    }
    return { entries: entries, byPath: byPath };
  }

  function parseRelease(bytes, file) {
    var r;
    try {
      r = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch (e) {
      r = null;
    }
    var ok = r && typeof r === 'object' &&
      Number.isInteger(r.sequence) && r.sequence >= 1 &&
      typeof r.date === 'string' && typeof r.expires === 'string' &&
      /^\d{4}-\d\d-\d\d$/.test(r.expires) && typeof r.key_fingerprint === 'string' &&
      (r.previous_manifest_sha256 === null || /^[0-9a-f]{64}$/.test(r.previous_manifest_sha256));
    if (!ok) throw new Problem('verify_browser_fail_release', { file: file });
    return r;
  }

  // ------------------------------------------------------------ fetching

  var root = '';

  function urlOf(path) {
    return root + path.split('/').map(encodeURIComponent).join('/');
  }

  // Resolves to {ok, status, bytes}; rejects with Unavailable when nothing could be loaded.
  async function load(path) {
    var response;
    try {
      response = await fetch(urlOf(path), { cache: 'no-store', credentials: 'same-origin' });
    } catch (e) {
      throw new Unavailable('verify_browser_need_fetch', { reason: path + ': ' + (e && e.message ? e.message : e) });
    }
    if (!response.ok) return { ok: false, status: response.status, bytes: null };
    return { ok: true, status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  async function loadRequired(path) {
    var r = await load(path);
    if (!r.ok) throw new Problem('verify_browser_fail_fetch', { file: path, reason: 'HTTP ' + r.status });
    return r.bytes;
  }

  // ------------------------------------------------------------ the release

  // Verifies a release's SHA256SUMS, its signature and its release.json, all under `dir`
  // ("" or "archive/<n>/"). Problems that make the rest meaningless are thrown; the others
  // are collected in `problems`.
  async function loadRelease(dir) {
    var manifestPath = dir + 'SHA256SUMS';
    var sigPath = dir + 'SHA256SUMS.sig';
    var releasePath = dir + 'release.json';
    var files = await Promise.all([loadRequired(manifestPath), loadRequired(sigPath), loadRequired(releasePath)]);
    var manifestBytes = files[0];
    var armored = new TextDecoder().decode(files[1]);
    var releaseBytes = files[2];

    var fp = await verifySshsig(manifestBytes, armored, sigPath);
    var manifest = parseManifest(manifestBytes, manifestPath);
    var listed = manifest.byPath.get('release.json');
    if (!listed) throw new Problem('verify_browser_fail_unlisted', { file: releasePath });
    if (listed !== await sha256Hex(releaseBytes)) {
      throw new Problem('verify_browser_fail_altered', { file: releasePath });
    }
    var release = parseRelease(releaseBytes, releasePath);
    return {
      fingerprint: fp, manifest: manifest, release: release,
      manifestDigest: await sha256Hex(manifestBytes), sigDigest: await sha256Hex(files[1]),
    };
  }

  // The current release: resolves to {fingerprint, manifest, release, problems}; `problems`
  // are what does not stop the file check (key names, expiry, chain).
  async function verifyCurrent() {
    var current = await loadRelease('');
    var release = current.release;
    var problems = [];
    if (release.key_fingerprint !== current.fingerprint) {
      problems.push(new Problem('verify_browser_fail_key_release',
        { file: 'release.json', expected: release.key_fingerprint, actual: current.fingerprint }));
    }
    var shown = document.querySelectorAll('code.fingerprint');
    for (var i = 0; i < shown.length; i++) {
      var text = shown[i].textContent.trim();
      if (text !== current.fingerprint) {
        problems.push(new Problem('verify_browser_fail_key_page', { expected: text, actual: current.fingerprint }));
        break;
      }
    }
    var today = new Date().toISOString().slice(0, 10);
    if (release.expires < today) {
      problems.push(new Problem('verify_browser_fail_expired', { release: release.sequence, expires: release.expires }));
    }
    // The chain: the newest archived manifest is the one this release names as its predecessor.
    // (Its bytes are checked against the signed listing with every other file.)
    var newest = 0;
    current.manifest.entries.forEach(function (e) {
      var m = /^archive\/([1-9][0-9]*)\/SHA256SUMS$/.exec(e.path);
      if (m && Number(m[1]) > newest) newest = Number(m[1]);
    });
    if (newest) {
      var file = 'archive/' + newest + '/SHA256SUMS';
      if (current.manifest.byPath.get(file) !== release.previous_manifest_sha256) {
        problems.push(new Problem('verify_browser_fail_chain', { file: file }));
      }
    } else if (release.previous_manifest_sha256) {
      problems.push(new Problem('verify_browser_fail_no_archive', {}));
    }
    current.problems = problems;
    return current;
  }

  // Every listed file but the documents (a reader checks those by dropping them below):
  // calls onProgress(done, total) as it goes, then onProblem(problem) in manifest order.
  async function checkFiles(manifest, onProgress, onProblem) {
    var todo = manifest.entries.filter(function (e) { return e.path.indexOf('documents/') !== 0; });
    var done = 0;
    var next = 0;
    var bad = [];
    onProgress(0, todo.length);
    async function worker() {
      while (next < todo.length) {
        var index = next++;
        var entry = todo[index];
        var problem = null;
        var r;
        try {
          r = await load(entry.path);
        } catch (e) {
          r = { ok: false, status: 0 };
        }
        if (!r.ok && !r.status) problem = new Problem('verify_browser_fail_fetch', { file: entry.path, reason: 'network error' });
        else if (!r.ok) problem = new Problem('verify_browser_fail_missing', { file: entry.path });
        else if (await sha256Hex(r.bytes) !== entry.digest) problem = new Problem('verify_browser_fail_altered', { file: entry.path });
        if (problem) bad.push({ index: index, problem: problem });
        onProgress(++done, todo.length);
      }
    }
    var workers = [];
    for (var i = 0; i < CONCURRENCY; i++) workers.push(worker());
    await Promise.all(workers);
    bad.sort(function (a, b) { return a.index - b.index; });
    bad.forEach(function (b) { onProblem(b.problem); });
    return todo.length;
  }

  // ------------------------------------------------------------ the result panel

  var panel = null;

  function commandsLink() {
    var target = document.getElementById('verify-download');
    var a = el('a', 'verify-commands-link', t('verify_browser_commands'));
    a.href = target ? '#verify-download' : '#main';
    return a;
  }

  function Panel(node) {
    this.node = node;
    this.headline = el('p', 'verify-headline');
    this.progress = el('p', 'verify-progress');
    this.list = el('ul', 'verify-problems');
    this.key = el('p', 'verify-key');
    this.count = 0;
    clear(node);
    node.appendChild(this.headline);
    node.appendChild(this.progress);
    node.appendChild(this.list);
    node.appendChild(this.key);
    this.progress.hidden = true;
    this.list.hidden = true;
    this.key.hidden = true;
  }
  Panel.prototype.state = function (state, text) {
    this.node.setAttribute('data-state', state);
    this.headline.textContent = text;
  };
  Panel.prototype.problem = function (p) {
    this.count++;
    if (this.count <= MAX_LISTED) {
      this.list.appendChild(el('li', '', p.text()));
    } else {
      var more = this.list.querySelector('.verify-more') || this.list.appendChild(el('li', 'verify-more'));
      more.textContent = t('verify_browser_fail_more', { count: this.count - MAX_LISTED });
    }
    this.list.hidden = false;
  };
  // The key the signature was made with, as computed here: the one thing a reader must
  // compare with the fingerprint received from the vendor (the page itself may be forged).
  Panel.prototype.fingerprint = function (fp) {
    clear(this.key);
    this.key.appendChild(el('span', 'verify-key-label', t('verify_browser_computed_key')));
    this.key.appendChild(el('code', 'verify-fingerprint', fp));
    this.key.appendChild(el('span', 'verify-key-compare', t('verify_browser_compare_key')));
    this.key.hidden = false;
  };
  Panel.prototype.unavailable = function (u) {
    this.state('unavailable', t(u.key, u.vars));
    this.progress.hidden = false;
    clear(this.progress);
    this.progress.appendChild(commandsLink());
  };

  // ------------------------------------------------------------ dropped files

  var currentPromise = null;  // resolves to the verified current release, or rejects
  var archives = new Map();   // n -> promise of the verified archived release

  function archived(current, n) {
    if (!archives.has(n)) {
      archives.set(n, (async function () {
        var dir = 'archive/' + n + '/';
        var a = await loadRelease(dir);
        // An archived release is signed by the key its own record names: the current key, or
        // one it rotated from (the current signed listing vouches for the archive's bytes;
        // `trustpage verify` checks each rotation's signature by the old key).
        if (a.fingerprint !== a.release.key_fingerprint) {
          throw new Problem('verify_browser_fail_key_archive',
            { file: dir + 'SHA256SUMS.sig', expected: a.release.key_fingerprint, actual: a.fingerprint });
        }
        // The current signed listing covers the archive too.
        if (current.manifest.byPath.get(dir + 'SHA256SUMS') !== a.manifestDigest) {
          throw new Problem('verify_browser_fail_altered', { file: dir + 'SHA256SUMS' });
        }
        if (current.manifest.byPath.get(dir + 'SHA256SUMS.sig') !== a.sigDigest) {
          throw new Problem('verify_browser_fail_altered', { file: dir + 'SHA256SUMS.sig' });
        }
        if (a.release.sequence !== n) throw new Problem('verify_browser_fail_release', { file: dir + 'release.json' });
        return a;
      })());
    }
    return archives.get(n);
  }

  function firstPath(manifest, digest) {
    for (var i = 0; i < manifest.entries.length; i++) {
      if (manifest.entries[i].digest === digest) return manifest.entries[i].path;
    }
    return '';
  }

  async function identify(file) {
    var current;
    try {
      current = await currentPromise;
    } catch (e) {
      current = null;
    }
    // Only against a release that verified: signature, key, expiry and chain.
    if (!current || current.problems.length) {
      return { verdict: 'unavailable', text: t('verify_browser_file_unavailable') };
    }
    var digest;
    try {
      digest = await sha256Hex(new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      return { verdict: 'error', text: t('verify_browser_file_unreadable') };
    }
    var release = current.release;
    var path = firstPath(current.manifest, digest);
    if (path) {
      return {
        verdict: 'current', path: path, release: release.sequence,
        text: t('verify_browser_file_current', { path: path, release: release.sequence, date: showDate(release.date) }),
      };
    }
    for (var n = release.sequence - 1; n >= 1; n--) {
      if (!current.manifest.byPath.has('archive/' + n + '/SHA256SUMS')) continue;
      try {
        var old = await archived(current, n);
        path = firstPath(old.manifest, digest);
        if (!path) continue;
        var nextDate = n + 1 === release.sequence ? release.date : (await archived(current, n + 1)).release.date;
        return {
          verdict: 'superseded', path: path, release: n, next: n + 1,
          text: t('verify_browser_file_superseded', {
            path: path, release: n, date: showDate(old.release.date), next: n + 1, next_date: showDate(nextDate),
          }),
        };
      } catch (e) {
        var problem = e instanceof Problem ? e.text() : e instanceof Unavailable ? t(e.key, e.vars) : String(e && e.message || e);
        return { verdict: 'error', text: t('verify_browser_file_archive_failed', { problem: problem }) };
      }
    }
    return { verdict: 'unknown', text: t('verify_browser_file_unknown') };
  }

  // Newest drop first; the files of one drop in their order.
  function checkDropped(fileList, results) {
    var first = results.firstChild;
    Array.prototype.forEach.call(fileList, function (file) {
      var li = el('li', 'verify-file');
      li.setAttribute('data-verdict', 'pending');
      li.appendChild(el('strong', 'verify-file-name', file.name));
      li.appendChild(document.createTextNode(' '));
      var text = li.appendChild(el('span', 'verify-file-text', t('verify_browser_file_checking')));
      results.insertBefore(li, first);
      identify(file).then(function (r) {
        li.setAttribute('data-verdict', r.verdict);
        if (r.path) li.setAttribute('data-path', r.path);
        if (r.release) li.setAttribute('data-release', String(r.release));
        text.textContent = r.text;
      }, function (e) {
        li.setAttribute('data-verdict', 'error');
        text.textContent = t('verify_browser_error', { reason: String(e && e.message || e) });
      });
    });
  }

  function setUpDropZone(available) {
    var zone = document.getElementById('verify-drop');
    var input = document.getElementById('verify-file');
    var results = document.getElementById('verify-file-results');
    if (!zone || !input || !results) return;
    if (!available) input.disabled = true;
    zone.addEventListener('dragover', function (e) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = available ? 'copy' : 'none';
      zone.classList.add('verify-drop-over');
    });
    zone.addEventListener('dragleave', function () { zone.classList.remove('verify-drop-over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('verify-drop-over');
      if (available && e.dataTransfer && e.dataTransfer.files) checkDropped(e.dataTransfer.files, results);
    });
    input.addEventListener('change', function () {
      if (input.files && input.files.length) checkDropped(input.files, results);
      // Copy the list first: clearing the input empties input.files.
      setTimeout(function () { input.value = ''; }, 0);
    });
  }

  // ------------------------------------------------------------ main

  function showFailure(e) {
    if (e instanceof Unavailable) {
      panel.unavailable(e);
    } else if (e instanceof Problem) {
      panel.state('fail', t('verify_browser_failed'));
      panel.problem(e);
    } else {
      panel.state('unavailable', t('verify_browser_error', { reason: String(e && e.message || e) }));
    }
  }

  async function run() {
    var current = await currentPromise;
    var release = current.release;
    panel.fingerprint(current.fingerprint);
    panel.node.setAttribute('data-release', String(release.sequence));
    current.problems.forEach(function (p) { panel.problem(p); });
    var failed = current.problems.length > 0;
    panel.state('checking', t('verify_browser_checking_files'));
    panel.progress.hidden = false;
    var count = await checkFiles(current.manifest, function (done, total) {
      panel.progress.textContent = t('verify_browser_progress', { done: done, total: total });
    }, function (p) {
      failed = true;
      panel.problem(p);
    });
    if (failed) {
      panel.progress.hidden = true;
      panel.state('fail', t('verify_browser_failed'));
    } else {
      panel.state('ok', t('verify_browser_ok', {
        release: release.sequence, date: showDate(release.date), expires: release.expires,
      }));
      panel.progress.textContent = t('verify_browser_ok_files', { count: count });
    }
  }

  function start() {
    var node = document.getElementById('verify-result');
    if (!node) return;
    var source = document.getElementById('verify-strings');
    if (source) {
      var items = source.querySelectorAll('[data-key]');
      for (var i = 0; i < items.length; i++) strings[items[i].getAttribute('data-key')] = items[i].textContent;
    }
    panel = new Panel(node);
    root = siteRoot();

    var unavailable = null;
    if (location.protocol !== 'http:' && location.protocol !== 'https:') {
      unavailable = new Unavailable('verify_browser_need_http');
    } else if (!window.isSecureContext || !window.crypto || !crypto.subtle || !window.fetch || !window.TextDecoder) {
      unavailable = new Unavailable('verify_browser_need_crypto');
    }
    setUpDropZone(!unavailable);
    if (unavailable) {
      currentPromise = Promise.reject(unavailable);
      currentPromise.catch(function () {});
      panel.unavailable(unavailable);
      return;
    }
    panel.state('checking', t('verify_browser_checking'));
    currentPromise = verifyCurrent();
    currentPromise.catch(function () {});  // reported by run(); dropped files see it too
    run().catch(showFailure);
  }

  function safeStart() {
    try {
      start();
    } catch (e) {
      try {
        if (panel) panel.state('unavailable', t('verify_browser_error', { reason: String(e && e.message || e) }));
      } catch (ignored) { /* nothing more to do */ }
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeStart);
  else safeStart();
})();
