// The first screen, before the WebAssembly app arrives (index.html's #boot): it shows the top of
// the page at this address and says honestly that the app is loading, or why it cannot start.
// The app removes #boot when it mounts. Loaded in <head> without `defer`: the address is on
// <html> before anything paints (style/main.css shows only that page's top, so nothing moves
// when the rest of the page arrives); the checks run once #boot is parsed.
document.documentElement.setAttribute("data-at", location.pathname.replace(/\/+$/, "") || "/");
// 글자 크게, as the learner last chose it (src/practice.rs keeps it), before anything paints.
try {
  var aids = JSON.parse(localStorage.getItem("practice.aids") || "{}");
  var percent = { Large: "125%", Larger: "150%" }[aids.text];
  if (percent) {
    document.documentElement.style.fontSize = percent;
    document.documentElement.setAttribute("data-text", percent.replace("%", ""));
  }
} catch (e) { /* the app applies it when it mounts */ }
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var status = document.getElementById("boot-status");
  if (!status) return;
  function fail(message) {
    status.textContent = message;
    status.className = "boot-error";
    status.setAttribute("role", "alert");
    document.getElementById("boot").removeAttribute("aria-busy");
  }
  var missing = [];
  if (typeof WebAssembly !== "object") missing.push("WebAssembly");
  if (typeof Worker !== "function") missing.push("Web Worker");
  if (!window.indexedDB) missing.push("IndexedDB");
  if (!(window.crypto && window.crypto.subtle)) missing.push("Web Crypto (HTTPS 연결)");
  if (missing.length) {
    fail("이 브라우저에서는 공인인증센터를 사용할 수 없습니다 (" + missing.join(", ") +
      " 필요). 최신 Chrome, Edge, Safari, Firefox로 HTTPS 주소에 접속해 주세요.");
    return;
  }
  setTimeout(function () {
    if (document.getElementById("boot")) {
      fail("공인인증센터를 불러오지 못했습니다. 네트워크 연결을 확인한 뒤 페이지를 새로 고쳐 주세요.");
    }
  }, 30000);
});
