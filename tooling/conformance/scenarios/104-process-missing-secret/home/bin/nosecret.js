console.log(JSON.stringify({Version: 1, AccessKeyId: "AKIDPROCESS"}));
