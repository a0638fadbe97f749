console.log("hello, not json");
