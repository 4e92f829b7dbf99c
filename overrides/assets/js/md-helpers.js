/* Material's page helpers without storage: nothing this site does is remembered in the
   browser (no localStorage, no sessionStorage), so a shared device keeps no trace of what
   was read. Material treats a null answer as "nothing saved". */
var __md_scope = new URL(".", location);
var __md_hash = function (value) {
  return [].reduce.call(value, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
};
var __md_get = function () { return null; };
var __md_set = function () {};
