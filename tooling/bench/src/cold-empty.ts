// Cold start floor: node loading one empty ES module. Every ESM program pays this; the
// credchain and SDK scripts are ES modules too, so their overhead is also shown over this.
export {};
