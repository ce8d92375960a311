// The self-check page's script (Layerwise). It judges every answer the way `layerwise check`
// does (io.layerwise.check.Checker), from the data block the page carries: right, carried (the
// layer recomputed from the student's own earlier shapes with the recipes of the page's data;
// unexplained, with its carried-from, when the chain starts from an answer that no mistake,
// other layer's number or honest slip gives: io.layerwise.diagnosis.HonestSlips), a merge of
// shapes that cannot agree, a catalogued mistake, another layer's number, or unexplained.
// Answers are compared by salted SHA-256 hashes; the recipes are evaluated with BigInt, exactly.
// Offline, no dependencies.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("layerwise-data").textContent);
  var M = DATA.messages;
  var P = DATA.patterns;
  var CAT = DATA.catalogue;
  var RIGHT = {};
  DATA.right.forEach(function (h) { RIGHT[h] = true; });
  var LAYERS = DATA.layers;
  var INDEX = {};
  LAYERS.forEach(function (l, i) { INDEX[l.name] = i; });
  var INPUT = DATA.input.map(function (d) { return BigInt(d); });
  var MAX = 9223372036854775807n;

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

  var HASHES = {};
  function hash(layer, quantity, canonical) {
    var key = layer + "|" + quantity + "|" + canonical;
    if (!(key in HASHES)) { HASHES[key] = sha256(DATA.salt + "|" + key); }
    return HASHES[key];
  }
  function isRight(layer, quantity, canonical) { return RIGHT[hash(layer, quantity, canonical)] === true; }
  function predicted(layer, quantity, canonical) { return DATA.diagnoses[hash(layer, quantity, canonical)]; }

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

  // ---- honest slips (io.layerwise.diagnosis.HonestSlips): what the student meant to write

  function numberSlips(n, zero) {
    var out = [];
    var v = BigInt(n);
    if (v - 1n > 0n || (zero && v - 1n === 0n)) { out.push((v - 1n).toString()); }
    out.push((v + 1n).toString());
    if (n.length < 2) { return out; }
    var i;
    for (i = 0; i < n.length; i++) {
      for (var d = 0; d <= 9; d++) {
        var ch = String(d);
        if (ch !== n[i] && (i > 0 || ch !== "0")) {
          out.push(n.substring(0, i) + ch + n.substring(i + 1));
        }
      }
    }
    for (i = 0; i + 1 < n.length; i++) {
      if (n[i] !== n[i + 1] && (i > 0 || n[i + 1] !== "0")) {
        out.push(n.substring(0, i) + n[i + 1] + n[i] + n.substring(i + 2));
      }
    }
    return out;
  }
  /** The canonical values an honest slip could have turned into this one. */
  function corrections(canonical, isShape) {
    if (!isShape) { return canonical === "0" || canonical === "1" ? [] : numberSlips(canonical, true); }
    var parts = canonical.split("x");
    if (parts.every(function (p) { return p === "1"; })) { return []; }
    var out = [];
    if (parts.length >= 2) {
      out.push([parts[parts.length - 1]].concat(parts.slice(0, parts.length - 1)).join("x"));
      out.push(parts.slice(1).concat([parts[0]]).join("x"));
    }
    var sizes = [];
    parts.forEach(function (p) { if (sizes.indexOf(p) < 0) { sizes.push(p); } });
    sizes.forEach(function (size) {
      numberSlips(size, false).forEach(function (c) {
        out.push(parts.map(function (p) { return p === size ? c : p; }).join("x"));
      });
    });
    return out.filter(function (c) { return c !== canonical; });
  }
  function honestSlip(layer, quantity, canonical) {
    return corrections(canonical, quantity === "output_shape").some(function (c) {
      return isRight(layer, quantity, c);
    });
  }

  // ---- recipes: a layer's numbers as terms of its input shapes

  var BROKEN = {};
  function floorDiv(n, d) {
    if (d === 0n) { throw BROKEN; }
    var q = n / d;
    if (n % d !== 0n && ((n < 0n) !== (d < 0n))) { q -= 1n; }
    return q;
  }
  function evaluate(t, ins) {
    if (typeof t === "string") { return BigInt(t); }
    var op = t[0];
    if (op === "in") {
      var s = ins[t[1]];
      if (!s || t[2] >= s.length) { throw BROKEN; }
      return s[t[2]];
    }
    var acc = evaluate(t[1], ins);
    for (var i = 2; i < t.length; i++) {
      var v = evaluate(t[i], ins);
      if (op === "add") { acc += v; }
      else if (op === "sub") { acc -= v; }
      else if (op === "mul") { acc *= v; }
      else if (op === "floor_div") { acc = floorDiv(acc, v); }
      else if (op === "ceil_div") { acc = -floorDiv(-acc, v); }
      else if (op === "exact_div") {
        if (v === 0n || acc % v !== 0n) { throw BROKEN; }
        acc = acc / v;
      }
      else if (op === "max") { acc = acc > v ? acc : v; }
      else if (op === "min") { acc = acc < v ? acc : v; }
      else { throw BROKEN; }
      if (acc > MAX || acc < -MAX) { throw BROKEN; }
    }
    return acc;
  }
  /** A recipe on input shapes: {out, q}, or null where the layer cannot take them. */
  function compute(recipe, ins) {
    try {
      var out = recipe.out.map(function (t) { return evaluate(t, ins); });
      if (out.some(function (d) { return d <= 0n; })) { return null; }
      var q = {};
      for (var k in recipe.q) {
        q[k] = evaluate(recipe.q[k], ins);
        if (q[k] < 0n) { return null; }
      }
      return { out: out, q: q };
    } catch (e) {
      if (e === BROKEN) { return null; }
      throw e;
    }
  }
  function valueOf(result, quantity) {
    if (quantity === "output_shape") { return result.out.join("x"); }
    return quantity in result.q ? result.q[quantity].toString() : null;
  }
  function agree(shapes, axes) {
    return shapes.every(function (s) {
      return s.length === shapes[0].length && axes.every(function (a) {
        return a >= s.length || s[a] === shapes[0][a];
      });
    });
  }
  /** Whether the inputs fit the layer as the engine requires: ranks, fixed sizes, merged axes. */
  function fits(layer, ins) {
    for (var i = 0; i < ins.length; i++) {
      if (ins[i].length !== layer.ranks[i]) { return false; }
    }
    if (layer.fixed.length > 0) {
      var values = [];
      ins.forEach(function (s) {
        layer.fixed.forEach(function (a) { if (a < s.length) { values.push(s[a].toString()); } });
      });
      if (hash(layer.name, "fixed", values.join("x")) !== layer.fixedHash) { return false; }
    }
    return ins.length < 2 || agree(ins, layer.agree);
  }
  /** The network as the student computes it from their own output shapes (Engine.recompute). */
  function forward(overrides) {
    var shapes = { input: INPUT };
    var tainted = { input: false };
    var mine = {};
    LAYERS.forEach(function (l) {
      var ins = [];
      var broken = false;
      var taint = false;
      l.inputs.forEach(function (n) {
        if (!(n in shapes)) { broken = true; } else { ins.push(shapes[n]); taint = taint || tainted[n]; }
      });
      var result = null;
      var other = !broken && ins.length === 1 && ins[0].length !== l.ranks[0]
        ? l.otherRanks[String(ins[0].length)] : null;
      if (other) {
        result = compute(other, ins);
      } else if (!broken && (!taint || (l.recipe.carries && fits(l, ins)))) {
        result = compute(l.recipe, ins);
      }
      if (result) { mine[l.name] = { result: result, ins: ins, taint: taint }; }
      if (l.name in overrides) {
        shapes[l.name] = overrides[l.name];
        tainted[l.name] = true;
      } else if (result) {
        shapes[l.name] = result.out;
        tainted[l.name] = taint;
      }
    });
    return { shapes: shapes, mine: mine };
  }

  // ---- judging, in Checker's order

  function judgeAll(answers) {
    answers.forEach(function (a) {
      a.canonical = a.text.trim() === "" ? null
        : (a.quantity === "output_shape" ? shape(a.text) : count(a.text));
    });
    var overrides = {};
    answers.forEach(function (a) {
      if (a.layer !== "total" && a.quantity === "output_shape" && a.canonical !== null
          && !isRight(a.layer, a.quantity, a.canonical)) {
        overrides[a.layer] = a.canonical.split("x").map(function (d) { return BigInt(d); });
      }
    });
    var net = forward(overrides);
    var shapeFindings = {};
    var judged = {};
    // Checker.explained: an answer a marker can follow
    function explained(f, layer, quantity, canonical) {
      if (!f) { return true; }
      if (f.verdict === "unexplained") { return !f.from && honestSlip(layer, quantity, canonical); }
      return f.verdict === "right" || f.verdict === "carried" || f.verdict === "mistake"
        || f.verdict === "wrong_layer";
    }
    // Checker.credible: the student's shapes up to this layer start from explained answers only
    var credible = [];
    function isCredible(n) {
      if (n === "input") { return true; }
      var at = INDEX[n];
      while (credible.length <= at) {
        var l = LAYERS[credible.length];
        var ok = inputsCredible(l.name) && (!(l.name in overrides)
          || explained(shapeFindings[l.name], l.name, "output_shape",
            overrides[l.name].join("x")));
        credible.push(ok);
      }
      return credible[at];
    }
    function inputsCredible(layer) {
      return LAYERS[INDEX[layer]].inputs.every(isCredible);
    }
    function sourceOf(n) {
      if (n in overrides) {
        var f = shapeFindings[n];
        return f && f.from ? f.from : { layer: n, quantity: "output_shape" };
      }
      return carriedSource(n);
    }
    function carriedSource(layer) {
      var queue = LAYERS[INDEX[layer]].inputs.slice();
      var seen = {};
      while (queue.length > 0) {
        var n = queue.shift();
        if (seen[n] || n === "input") { continue; }
        seen[n] = true;
        if (n in overrides) { return sourceOf(n); }
        queue = queue.concat(LAYERS[INDEX[n]].inputs);
      }
      return null;
    }
    function judge(a) {
      var q = a.quantity;
      var c = a.canonical;
      if (isRight(a.layer, q, c)) { return { verdict: "right" }; }
      var layer = LAYERS[INDEX[a.layer]];
      var src = carriedSource(a.layer);
      var mine = net.mine[a.layer];
      if (src && mine && valueOf(mine.result, q) === c) {
        return { verdict: inputsCredible(a.layer) ? "carried" : "unexplained", from: src };
      }
      if (q === "activations" && (a.layer in overrides)
          && c === overrides[a.layer].reduce(function (x, y) { return x * y; }, 1n).toString()) {
        var own = shapeFindings[a.layer] && shapeFindings[a.layer].from
          ? shapeFindings[a.layer].from : { layer: a.layer, quantity: "output_shape" };
        return { verdict: isCredible(a.layer) ? "carried" : "unexplained", from: own };
      }
      if (layer.agree.length > 0 && (q === "output_shape" || q === "activations")) {
        var theirs = layer.inputs.map(function (n) { return net.shapes[n]; });
        if (theirs.every(function (s) { return s; }) && !agree(theirs, layer.agree)) {
          for (var i = 0; i < theirs.length; i++) {
            var n = layer.inputs[i];
            if (n !== "input" && !isRight(n, "output_shape", theirs[i].join("x"))) {
              var from = sourceOf(n);
              if (from) { return { verdict: "mistake", mistake: "merge-shape-mismatch", from: from }; }
            }
          }
        }
      }
      var d = predicted(a.layer, q, c);
      if (d) { return { verdict: "mistake", mistake: d.m, yours: d.yours }; }
      if (src && mine && mine.ins.every(function (s, i) { return s.length === layer.ranks[i]; })) {
        var rightValue = valueOf(mine.result, q);
        for (var s = 0; s < layer.slips.length; s++) {
          var r = compute(layer.slips[s], mine.ins);
          var v = r ? valueOf(r, q) : null;
          if (v !== null && v !== rightValue && v === c) {
            return { verdict: "mistake", mistake: layer.slips[s].m, from: src };
          }
        }
      }
      var at = INDEX[a.layer];
      for (var distance = 1; distance <= 2; distance++) {
        var near = [at + distance, at - distance];
        for (var k = 0; k < 2; k++) {
          var j = near[k];
          if (j < 0 || j >= LAYERS.length) { continue; }
          var other = LAYERS[j].name;
          if (c !== "0" && isRight(other, q, c)) {
            return { verdict: "wrong_layer", mistake: "wrong-layer", other: other, position: j + 1 };
          }
          var o = predicted(other, q, c);
          if (o) {
            return { verdict: "wrong_layer", mistake: "wrong-layer", other: other, position: j + 1,
              otherMistake: o.m };
          }
        }
      }
      return { verdict: "unexplained" };
    }
    function judgeTotal(a) {
      var c = a.canonical;
      if (isRight("total", "params", c)) { return { verdict: "right" }; }
      var rightNet = forward({});
      var given = {};
      answers.forEach(function (b) {
        if (b.layer !== "total" && b.quantity === "params" && b.canonical !== null) {
          given[b.layer] = BigInt(b.canonical);
        }
      });
      var own = 0n;
      var firstWrong = null;
      var unexplained = null;
      for (var i = 0; i < LAYERS.length; i++) {
        var name = LAYERS[i].name;
        var mine = rightNet.mine[name];
        if (!mine) { own = null; break; }
        var rv = mine.result.q.params;
        var g = name in given ? given[name] : rv;
        own += g;
        if (g !== rv) {
          if (!firstWrong) { firstWrong = { layer: name, quantity: "params" }; }
          if (!unexplained && !explained(judged[name + "|params"], name, "params", g.toString())) {
            unexplained = { layer: name, quantity: "params" };
          }
        }
      }
      if (firstWrong && own !== null && c === own.toString()) {
        // no credit when a part is unexplained: the finding names that part
        return unexplained ? { verdict: "unexplained", from: unexplained }
          : { verdict: "carried", from: firstWrong };
      }
      var d = predicted("total", "params", c);
      if (d) { return { verdict: "mistake", mistake: d.m }; }
      return { verdict: "unexplained" };
    }
    var order = answers.map(function (a, i) { return i; }).filter(function (i) {
      return answers[i].canonical !== null;
    });
    // a layer's shape before its other answers, as Checker orders them
    order.sort(function (x, y) {
      return position(answers[x]) - position(answers[y])
        || shapeFirst(answers[x]) - shapeFirst(answers[y]) || x - y;
    });
    var verdicts = answers.map(function (a) {
      return a.text.trim() === "" ? { verdict: "" } : { verdict: "unreadable" };
    });
    order.forEach(function (i) {
      var a = answers[i];
      var f = a.layer === "total" ? judgeTotal(a) : judge(a);
      if (a.quantity === "output_shape") { shapeFindings[a.layer] = f; }
      judged[a.layer + "|" + a.quantity] = f;
      verdicts[i] = f;
    });
    return verdicts;
  }
  function position(a) { return a.layer === "total" ? 1e9 : INDEX[a.layer]; }
  function shapeFirst(a) { return a.quantity === "output_shape" ? 0 : 1; }

  // ---- words

  function fill(pattern, args) {
    return pattern.replace(/\{(\d)\}/g, function (m, n) { return String(args[+n]); });
  }
  function title(id) { return CAT[id] ? CAT[id].title : id; }
  function why(id) { return CAT[id] ? CAT[id].why : ""; }
  function words(a, f) {
    var given = a.text.trim();
    switch (f.verdict) {
      case "right": return M.right;
      case "carried":
        return fill(M.carried, [fill(a.layer === "total" ? P["carried.total"] : P.carried,
          [given, f.from.quantity, f.from.layer])]);
      case "mistake":
        if (a.layer === "total") {
          return fill(M.wrong, [fill(f.mistake === "total-trainable-only" ? P["total.trainableOnly"]
            : P["total.mistake"], [given, title(f.mistake)]) + " " + why(f.mistake)]);
        }
        if (f.from) {
          // the pattern says "… is wrong" itself: only the cross in front
          return "\u2717 " + fill(P["mistake.carried"], [given, title(f.mistake), f.from.quantity, f.from.layer])
            + " " + why(f.mistake);
        }
        return fill(M.wrong, [title(f.mistake) + "." + (f.yours ? " " + f.yours : "") + " "
          + why(f.mistake)]);
      case "wrong_layer":
        return fill(M.wrong, [f.otherMistake
          ? fill(P["wrongLayer.mistake"], [given, a.quantity, a.layer, f.other, f.position,
            title(f.otherMistake)])
          : fill(P.wrongLayer, [given, a.quantity, a.layer, f.other, f.position])]);
      case "unexplained":
        // the pattern says "… is wrong" itself: only the cross in front
        return f.from ? "\u2717 " + fill(P.uncredited, [given, f.from.quantity, f.from.layer])
          : M.unknown;
      case "unreadable": return a.quantity === "output_shape" ? M.writeShape : M.writeNumber;
      default: return "";
    }
  }
  function kind(f) {
    switch (f.verdict) {
      case "right": return "verdict right";
      case "carried": return "verdict carried";
      case "unreadable": return "verdict unknown";
      case "": return "verdict";
      default: return "verdict wrong";
    }
  }

  // ---- the page

  var inputs = Array.prototype.slice.call(document.querySelectorAll("input[data-layer]"));
  var score = document.getElementById("layerwise-score");
  function update() {
    var answers = inputs.map(function (input) {
      return { layer: input.dataset.layer, quantity: input.dataset.quantity, text: input.value };
    });
    var verdicts = judgeAll(answers);
    var right = 0;
    var carried = 0;
    var answered = 0;
    inputs.forEach(function (input, i) {
      var f = verdicts[i];
      var el = input.nextElementSibling;
      el.className = kind(f);
      el.textContent = words(answers[i], f);
      el.dataset.verdict = f.verdict;
      el.dataset.mistake = f.mistake || "";
      el.dataset.from = f.from ? f.from.layer + ":" + f.from.quantity : "";
      if (f.verdict !== "" && f.verdict !== "unreadable") { answered++; }
      if (f.verdict === "right") { right++; }
      if (f.verdict === "carried") { carried++; }
    });
    if (score) {
      score.textContent = answered === 0 ? "" : carried > 0
        ? fill(M.scoreCarried, [right, answered, carried]) : fill(M.score, [right, answered]);
      score.dataset.right = right;
      score.dataset.carried = carried;
      score.dataset.total = answered;
    }
  }
  inputs.forEach(function (input) {
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  });
})();
