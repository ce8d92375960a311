<#ftl output_format="HTML">
<#-- The offline self-check page. Every ${} is HTML-escaped by FreeMarker; the data block is
     JSON built and escaped in Java. The script hashes what the student types and compares
     hashes: the right answers are not in the page. -->
<!DOCTYPE html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${page.title} · ${t.selfCheckTitle}</title>
<style>
body{font-family:"Noto Serif",Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}
.lead{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
input{font:inherit;width:11rem;padding:.2rem .3rem}
.verdict{display:block;font-size:.92rem;margin-top:.2rem}
.verdict.right{color:#1a7f37}
.verdict.wrong{color:#b42318}
.verdict.unknown{color:#8a6100}
.description{white-space:pre-wrap}
code{font-family:"DejaVu Sans Mono",monospace}
</style>
</head>
<body>
<h1>${page.title}</h1>
<p class="lead">${t.selfCheck} · ${page.framework} · ${t.inputShape} ${page.input}</p>
<#if page.description?has_content>
<p class="description">${page.description}</p>
</#if>
<h2>${t.network}</h2>
<table>
<tr><th>#</th><th>${t.layer}</th><th>${t.type}</th><th>${t.hyperparameters}</th><th>${t.input}</th></tr>
<#list page.rows as r>
<tr><td>${r.position}</td><td>${r.name}</td><td>${r.type}</td><td>${r.hyperparameters}</td><td>${r.inputs}</td></tr>
</#list>
</table>
<h2>${t.yourAnswers}</h2>
<p>${t.selfCheckHelp}</p>
<table>
<tr><th>${t.layer}</th><th>${t.quantity}</th><th>${t.answer}</th></tr>
<#list page.questions as q>
<tr><td>${q.layer}</td><td>${q.quantityLabel}</td><td><input type="text" autocomplete="off" spellcheck="false" data-layer="${q.layer}" data-quantity="${q.quantity}" data-kind="<#if q.shape>shape<#else>count</#if>" aria-label="${q.label}"><span class="verdict" aria-live="polite"></span></td></tr>
</#list>
</table>
<script type="application/json" id="layerwise-data">${page.json?no_esc}</script>
<script>
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("layerwise-data").textContent);
  var M = DATA.messages;
  var RIGHT = {};
  DATA.right.forEach(function (h) { RIGHT[h] = true; });

  // SHA-256 of a UTF-8 string, as hex (FIPS 180-4); the page works offline and from file://.
  function sha256(text) {
    var bytes = new TextEncoder().encode(text);
    var K = [0x428a2f98,0x71374491,0xb5c0fbcf,0xe9b5dba5,0x3956c25b,0x59f111f1,0x923f82a4,0xab1c5ed5,
      0xd807aa98,0x12835b01,0x243185be,0x550c7dc3,0x72be5d74,0x80deb1fe,0x9bdc06a7,0xc19bf174,
      0xe49b69c1,0xefbe4786,0x0fc19dc6,0x240ca1cc,0x2de92c6f,0x4a7484aa,0x5cb0a9dc,0x76f988da,
      0x983e5152,0xa831c66d,0xb00327c8,0xbf597fc7,0xc6e00bf3,0xd5a79147,0x06ca6351,0x14292967,
      0x27b70a85,0x2e1b2138,0x4d2c6dfc,0x53380d13,0x650a7354,0x766a0abb,0x81c2c92e,0x92722c85,
      0xa2bfe8a1,0xa81a664b,0xc24b8b70,0xc76c51a3,0xd192e819,0xd6990624,0xf40e3585,0x106aa070,
      0x19a4c116,0x1e376c08,0x2748774c,0x34b0bcb5,0x391c0cb3,0x4ed8aa4a,0x5b9cca4f,0x682e6ff3,
      0x748f82ee,0x78a5636f,0x84c87814,0x8cc70208,0x90befffa,0xa4506ceb,0xbef9a3f7,0xc67178f2];
    var H = [0x6a09e667,0xbb67ae85,0x3c6ef372,0xa54ff53a,0x510e527f,0x9b05688c,0x1f83d9ab,0x5be0cd19];
    var len = bytes.length, total = ((len + 9 + 63) >> 6) << 6;
    var m = new Uint8Array(total);
    m.set(bytes); m[len] = 0x80;
    var bits = len * 8;
    m[total - 4] = (bits >>> 24) & 255; m[total - 3] = (bits >>> 16) & 255;
    m[total - 2] = (bits >>> 8) & 255; m[total - 1] = bits & 255;
    m[total - 5] = Math.floor(len / 0x20000000) & 255;
    var w = new Array(64);
    function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
    for (var off = 0; off < total; off += 64) {
      for (var i = 0; i < 16; i++) {
        w[i] = (m[off + 4 * i] << 24) | (m[off + 4 * i + 1] << 16) | (m[off + 4 * i + 2] << 8) | m[off + 4 * i + 3];
      }
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (i = 0; i < 64; i++) {
        var t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
        var t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
    return H.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  // The same reading rules as Layerwise's answers files (io.layerwise.model.AnswerText).
  function digits(s) { return /^\d{1,18}$/.test(s) ? s.replace(/^0+(?=\d)/, "") : null; }
  function count(text) {
    var s = text.trim().replace(/[,\s\u00a0\u202f\u2009_']/g, "");
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) { s = s.replace(/\./g, ""); }
    return digits(s);
  }
  function isBatch(p) {
    return ["none", "-1", "?", "null", "batch", "n", "b"].indexOf(p.trim().toLowerCase()) >= 0;
  }
  function shape(text) {
    var s = text.trim();
    if (s.length >= 2 && "([".indexOf(s[0]) >= 0 && ")]".indexOf(s[s.length - 1]) >= 0) {
      s = s.substring(1, s.length - 1).trim();
    }
    var parts = s.split(/\s*[x\u00d7*,]\s*|\s+/).filter(function (p) { return p.length > 0; });
    if (parts.length > 1 && isBatch(parts[0])) { parts.shift(); }
    if (parts.length === 0) { return null; }
    var out = [];
    for (var i = 0; i < parts.length; i++) {
      var d = digits(parts[i]);
      if (d === null) { return null; }
      out.push(d);
    }
    return out.join("x");
  }

  function check(input) {
    var verdict = input.nextElementSibling;
    var text = input.value;
    verdict.className = "verdict";
    if (text.trim() === "") { verdict.textContent = ""; return; }
    var canonical = input.dataset.kind === "shape" ? shape(text) : count(text);
    if (canonical === null) {
      verdict.className = "verdict unknown";
      verdict.textContent = input.dataset.kind === "shape"
        ? M.writeShape : M.writeNumber;
      return;
    }
    var h = sha256(DATA.salt + "|" + input.dataset.layer + "|" + input.dataset.quantity + "|" + canonical);
    if (RIGHT[h]) {
      verdict.className = "verdict right";
      verdict.textContent = M.right;
    } else if (DATA.diagnoses[h]) {
      verdict.className = "verdict wrong";
      verdict.textContent = M.wrong.replace("{0}", function () { return DATA.diagnoses[h]; });
    } else {
      verdict.className = "verdict wrong";
      verdict.textContent = M.unknown;
    }
  }

  document.querySelectorAll("input[data-layer]").forEach(function (input) {
    input.addEventListener("input", function () { check(input); });
    input.addEventListener("change", function () { check(input); });
  });
})();
</script>
</body>
</html>
