export { rejection } from "./rejection.js";
export { makeTempHome, type TempHome } from "./temp-home.js";
export { leftBehind, type LeftBehind } from "./left-behind.js";
