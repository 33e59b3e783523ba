// "Changes since DATE" on the changelog page: hides older commits and sums up, per item,
// what changed from that date to now. Works on any static host: the date is kept in the
// page's query string (?since=2025-04-01), so a reviewer can bookmark their last review.
(function () {
  "use strict";
  var form = document.getElementById("since-form");
  if (!form) return;
  var input = document.getElementById("since");
  var summary = document.getElementById("since-summary");
  var sets = Array.prototype.slice.call(document.querySelectorAll("article.change-set"));

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? values[key] : "";
    });
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Per item: the first "before" and the last "after" of each field over the shown commits.
  function net(shown) {
    var items = {};
    var order = [];
    shown.slice().reverse().forEach(function (set) {  // oldest first
      set.querySelectorAll("li[data-item]").forEach(function (li) {
        var id = li.getAttribute("data-item");
        if (!items[id]) {
          var link = li.querySelector(".changed-item a, .changed-item span");
          items[id] = { link: link, fields: {}, fieldOrder: [], kinds: [] };
          order.push(id);
        }
        var item = items[id];
        item.kinds.push(li.getAttribute("data-kind"));
        li.querySelectorAll("tr[data-field]").forEach(function (tr) {
          var name = tr.getAttribute("data-field");
          var label = tr.querySelector("th").textContent;
          var before = tr.querySelector("td.before");
          var after = tr.querySelector("td.after");
          if (!item.fields[name]) {
            item.fields[name] = { label: label, before: before ? before.textContent : null };
            item.fieldOrder.push(name);
          }
          item.fields[name].after = after ? after.textContent : null;
        });
      });
    });
    return order.map(function (id) { return items[id]; });
  }

  function show(since) {
    var shown = sets.filter(function (set) {
      var visible = !since || set.getAttribute("data-date") >= since;
      set.hidden = !visible;
      return visible;
    });
    summary.textContent = "";
    if (!since) {
      summary.hidden = true;
      return;
    }
    var items = net(shown);
    var values = { date: since, count: String(items.length) };
    summary.appendChild(element("p", "since-headline",
        fill(form.getAttribute(items.length ? "data-summary" : "data-none"), values)));
    var list = element("ul", "since-items");
    items.forEach(function (item) {
      var li = element("li");
      var title = item.link.cloneNode(true);
      li.appendChild(title);
      var first = item.kinds[0], last = item.kinds[item.kinds.length - 1];
      if (first === "added") li.appendChild(element("span", "change-kind", " " + form.getAttribute("data-added")));
      if (last === "removed") li.appendChild(element("span", "change-kind", " " + form.getAttribute("data-removed")));
      var fields = element("ul", "since-fields");
      item.fieldOrder.forEach(function (name) {
        var f = item.fields[name];
        var text = f.before === null || f.after === null
            ? f.label + ": " + form.getAttribute("data-changed")
            : f.label + ": " + (f.before || "—") + " → " + (f.after || "—");
        if (f.before !== null && f.before === f.after) return;  // changed and changed back
        fields.appendChild(element("li", null, text));
      });
      li.appendChild(fields);
      list.appendChild(li);
    });
    summary.appendChild(list);
    // The date is older than this page's oldest commit, and older pages exist.
    var oldest = sets.length ? sets[sets.length - 1].getAttribute("data-date") : "";
    if (form.getAttribute("data-older") && oldest && since < oldest) {
      summary.appendChild(element("p", "since-partial", form.getAttribute("data-partial")));
    }
    summary.hidden = false;
  }

  function setQuery(since) {
    try {
      var url = new URL(window.location.href);
      if (since) url.searchParams.set("since", since); else url.searchParams.delete("since");
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* file:// in some browsers: the filter still works */ }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    setQuery(input.value);
    show(input.value);
  });
  document.getElementById("since-clear").addEventListener("click", function () {
    input.value = "";
    setQuery("");
    show("");
  });
  var initial = new URLSearchParams(window.location.search).get("since");
  if (initial && /^\d{4}-\d{2}-\d{2}$/.test(initial)) {
    input.value = initial;
    show(initial);
  }
})();
