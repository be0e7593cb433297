import { DEFAULT_MRT_PATTERN, checkMrtPattern, mrtFileName } from '../../lib/mrt/file-name';

describe('mrtFileName', () => {
  const seconds = Date.UTC(2024, 1, 29, 3, 7, 9) / 1000; // 2024-02-29 03:07:09 UTC

  it('names files like RouteViews by default', () => {
    expect(mrtFileName(DEFAULT_MRT_PATTERN, seconds)).toBe('updates.20240229.0307');
  });

  it('fills every conversion in UTC, zero-padded, and keeps the rest as written', () => {
    expect(mrtFileName('%Y-%m-%d/%H:%M:%S %s 100%% %%Y', seconds)).toBe(`2024-02-29/03:07:09 ${seconds} 100% %Y`);
    expect(mrtFileName('rib.%Y%m%d.%H%M', 0)).toBe('rib.19700101.0000');
  });
});

describe('checkMrtPattern', () => {
  it('accepts patterns that use only known conversions', () => {
    expect(checkMrtPattern(DEFAULT_MRT_PATTERN)).toBeUndefined();
    expect(checkMrtPattern('%Y.%m/UPDATES/updates.%Y%m%d.%H%M%S.%s.mrt 100%%')).toBeUndefined();
  });

  it('says what is wrong with the others', () => {
    expect(checkMrtPattern('')).toBe('the file name pattern is empty');
    expect(checkMrtPattern('updates.%Y%j')).toBe('the file name pattern "updates.%Y%j" has "%j": only %Y %m %d %H %M %S %s and %% are known');
    expect(checkMrtPattern('updates.%')).toBe('the file name pattern "updates.%" ends with a lone "%"');
    expect(checkMrtPattern('%Y/')).toBe('the file name pattern "%Y/" names a directory, not a file');
    expect(checkMrtPattern('../updates.%Y')).toBe('the file name pattern "../updates.%Y" must stay inside the sink\'s directory (no "..")');
  });
});
