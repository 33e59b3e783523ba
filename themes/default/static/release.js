// The release box: whether the signed release has expired or expires within 30 days is a
// fact of the day the page is read, not of the day it was built (pages are built from the
// commit date, byte for byte), so it is worked out here. Without JavaScript the dates show.
(function () {
  'use strict';

  var SOON_DAYS = 30;
  var DAY_MS = 24 * 60 * 60 * 1000;

  // "2027-03-30" -> that day at 00:00 UTC; NaN for anything else.
  function utcDay(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
    return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  }

  function mark(box) {
    var time = box.querySelector('time.release-expires');
    var expires = utcDay(time && time.getAttribute('datetime'));
    if (isNaN(expires)) return;
    var now = new Date();
    var today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    // Valid through its last day, as `trustpage verify` and the verify page count it.
    var left = Math.round((expires - today) / DAY_MS);
    var state = left < 0 ? 'expired' : left <= SOON_DAYS ? 'soon' : 'valid';
    box.setAttribute('data-expiry', state);
    box.setAttribute('data-days-left', String(left));
    var notes = box.querySelectorAll('.release-state');
    for (var i = 0; i < notes.length; i++) notes[i].hidden = notes[i].getAttribute('data-state') !== state;
  }

  function start() {
    var boxes = document.querySelectorAll('.release-box');
    for (var i = 0; i < boxes.length; i++) mark(boxes[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
