import { describe, expect, it } from "vitest";
import { parseTimestamp } from "../src/parse-timestamp.js";

describe(parseTimestamp.name, () => {
  it.each<[form: string, text: string, instant: string]>([
    ["RFC 3339, Z (IMDS, ECS, EKS, SSO and login caches as botocore writes them)", "2099-01-01T00:00:00Z", "2099-01-01T00:00:00.000Z"],
    ["milliseconds (real STS, JS toISOString)", "2099-01-01T00:00:00.359Z", "2099-01-01T00:00:00.359Z"],
    ["microseconds and +00:00 (Python isoformat, AWS CLI v2 role cache)", "2099-01-01T00:00:00.123456+00:00", "2099-01-01T00:00:00.123Z"],
    ["nanoseconds and an offset (Go RFC3339Nano)", "2099-06-01T12:00:00.999999999+02:00", "2099-06-01T10:00:00.999Z"],
    ["a negative offset", "2099-06-01T12:00:00-05:30", "2099-06-01T17:30:00.000Z"],
    ["±hhmm", "2099-06-01T12:00:00+0200", "2099-06-01T10:00:00.000Z"],
    ["UTC suffix (the AWS CLI's role cache, %Z)", "2099-01-01T14:00:00UTC", "2099-01-01T14:00:00.000Z"],
    ["a space for T (RFC 3339 allows it; Python's str(datetime))", "2099-01-01 00:00:00+00:00", "2099-01-01T00:00:00.000Z"],
    ["lower-case t and z (RFC 3339)", "2099-01-01t00:00:00z", "2099-01-01T00:00:00.000Z"],
    ["no seconds (ISO 8601 reduced precision)", "2099-01-01T10:30Z", "2099-01-01T10:30:00.000Z"],
    ["surrounding whitespace", " 2099-01-01T00:00:00.250Z \n", "2099-01-01T00:00:00.250Z"],
    ["a leap day", "2096-02-29T00:00:00Z", "2096-02-29T00:00:00.000Z"],
    ["an offset that moves the day back", "2099-01-01T00:30:00+01:00", "2098-12-31T23:30:00.000Z"],
    ["the past", "2000-01-01T00:00:00Z", "2000-01-01T00:00:00.000Z"],
    ["a year before 100 as written, not as 19xx", "0099-01-01T00:00:00Z", "0099-01-01T00:00:00.000Z"],
  ])("reads %s", (_form, text, instant) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(instant);
  });

  it.each<[why: string, text: string]>([
    ["no zone (botocore: TypeError comparing naive and aware times; never local time)", "2099-01-01T00:00:00"],
    ["no zone, with a fraction", "2099-01-01T00:00:00.123456"],
    ["a bare number (new Date reads 2001)", "1"],
    ["epoch seconds", "4102444800"],
    ["junk", "not-a-date"],
    ["empty", ""],
    ["blank", "   "],
    ["a date alone", "2099-01-01"],
    ["a date alone with a zone", "2099-01-01Z"],
    ["ISO 8601 basic format", "20990101T000000Z"],
    ["RFC 2822 / HTTP date", "Thu, 01 Jan 2099 00:00:00 GMT"],
    ["a zone name", "2099-01-01T00:00:00 GMT"],
    ["UTC after a space", "2099-01-01T00:00:00 UTC"],
    ["an hour-only offset", "2099-01-01T00:00:00+02"],
    ["February 30th", "2099-02-30T00:00:00Z"],
    ["February 29th of a common year", "2099-02-29T00:00:00Z"],
    ["April 31st", "2099-04-31T00:00:00Z"],
    ["month 13", "2099-13-01T00:00:00Z"],
    ["month 0", "2099-00-01T00:00:00Z"],
    ["day 0", "2099-01-00T00:00:00Z"],
    ["24:00", "2099-01-01T24:00:00Z"],
    ["minute 60", "2099-01-01T00:60:00Z"],
    ["second 60", "2099-01-01T00:00:60Z"],
    ["an offset of a day", "2099-01-01T00:00:00+24:00"],
    ["offset minutes 60", "2099-01-01T00:00:00+01:60"],
    ["a two-digit year", "99-01-01T00:00:00Z"],
    ["one-digit fields", "2099-1-1T0:0:0Z"],
    ["a trailing dot", "2099-01-01T00:00:00.Z"],
    ["text after the zone", "2099-01-01T00:00:00Zjunk"],
    ["a CR/LF inside", "2099-01-01T00:00:00\r\nZ"],
    ["two zones", "2099-01-01T00:00:00Z+01:00"],
  ])("refuses %s", (_why, text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it("never depends on the machine's time zone", () => {
    // Same instant whatever TZ the process runs in: the answer comes from Date.UTC alone.
    expect(parseTimestamp("2099-07-01T12:00:00+02:00")?.getTime()).toBe(Date.UTC(2099, 6, 1, 10));
  });
});
