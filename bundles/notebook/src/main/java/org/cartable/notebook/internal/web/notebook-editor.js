/*
 * Drag and resize of the boxes of the page being edited (the number fields below the page do the same without a
 * pointer). Dropping a box fills its form's x, y, width and height (in % of the page) and submits it. Leaving the
 * editor by a link or closing the tab releases the page's edit lock.
 */
(function () {
  'use strict';

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function clamp(value, min, max) {
    return Math.min(max, Math.max(min, value));
  }

  function setup(sheet) {
    sheet.querySelectorAll('.nb-box[data-box]').forEach(function (box) {
      var form = document.querySelector('form[data-box="' + box.getAttribute('data-box') + '"]');
      if (!form) {
        return;
      }
      var handle = box.querySelector('.nb-handle');
      box.addEventListener('pointerdown', function (event) {
        if (window.getComputedStyle(box).position !== 'absolute' || event.target.closest('audio, video, iframe')) {
          return;
        }
        event.preventDefault();
        var resizing = event.target === handle;
        var area = sheet.getBoundingClientRect();
        var start = {x: event.clientX, y: event.clientY};
        var field = function (name) { return form.querySelector('.nb-' + name); };
        var initial = {
          x: parseFloat(field('x').value), y: parseFloat(field('y').value),
          w: parseFloat(field('w').value), h: parseFloat(field('h').value)
        };
        var current = Object.assign({}, initial);
        box.setPointerCapture(event.pointerId);

        function move(e) {
          var dx = (e.clientX - start.x) / area.width * 100;
          var dy = (e.clientY - start.y) / area.height * 100;
          if (resizing) {
            current.w = clamp(initial.w + dx, 1, 100 - initial.x);
            current.h = clamp(initial.h + dy, 1, 100 - initial.y);
            box.style.width = current.w + '%';
            box.style.height = current.h + '%';
          } else {
            current.x = clamp(initial.x + dx, 0, 100 - initial.w);
            current.y = clamp(initial.y + dy, 0, 100 - initial.h);
            box.style.left = current.x + '%';
            box.style.top = current.y + '%';
          }
        }

        function drop() {
          box.removeEventListener('pointermove', move);
          box.removeEventListener('pointerup', drop);
          box.removeEventListener('pointercancel', drop);
          if (current.x === initial.x && current.y === initial.y && current.w === initial.w && current.h === initial.h) {
            return;
          }
          field('x').value = round(current.x);
          field('y').value = round(current.y);
          field('w').value = round(current.w);
          field('h').value = round(current.h);
          var save = form.querySelector('.nb-save');
          if (form.requestSubmit) {
            form.requestSubmit(save);
          } else {
            save.click();
          }
        }

        box.addEventListener('pointermove', move);
        box.addEventListener('pointerup', drop);
        box.addEventListener('pointercancel', drop);
      });
    });
  }

  /* Leaving the page other than through one of its forms releases the page's lock at once. */
  function releaseOnLeave() {
    var holder = document.querySelector('[data-release]');
    if (!holder || !navigator.sendBeacon) {
      return;
    }
    var submitting = false;
    document.addEventListener('submit', function () { submitting = true; }, true);
    window.addEventListener('pagehide', function () {
      if (!submitting) {
        navigator.sendBeacon(holder.getAttribute('data-release'));
      }
    });
  }

  function start() {
    document.querySelectorAll('.nb-sheet.nb-editing').forEach(setup);
    releaseOnLeave();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
