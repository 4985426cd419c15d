//! Zip archives as `.npz` files use them, in bytes: writing members the way CPython 3.11's
//! `zipfile` does for `np.savez` (`ZipFile.open(name, 'w', force_zip64=True)` on a seekable
//! file: a local header with a zip64 extra field, rewritten with the CRC and sizes; then the
//! central directory and the end record), and reading the central directory and members of
//! any archive (stored or deflated, an archive after prepended bytes as `zipfile` finds it).

use std::io::{Read, Write};

use crate::error::{PyError, PyResult};

const LOCAL: &[u8; 4] = b"PK\x03\x04";
const CENTRAL: &[u8; 4] = b"PK\x01\x02";
const END: &[u8; 4] = b"PK\x05\x06";
/// `zipfile.DEFAULT_VERSION`: the version made by and needed to extract.
const VERSION: u8 = 20;
/// `ZipInfo.create_system` on anything but Windows.
const CREATE_SYSTEM_UNIX: u8 = 3;
/// `ZIP_STORED` and `ZIP_DEFLATED`.
pub const STORED: u16 = 0;
pub const DEFLATED: u16 = 8;
/// `zipfile._MASK_UTF_FILENAME`.
const UTF8_NAME: u16 = 0x800;
/// `0o600 << 16`: the permissions `zipfile` gives a member written with `open(..., 'w')`.
const EXTERNAL_ATTR: u32 = 0o600 << 16;

/// An MS-DOS date and time (`ZipInfo.date_time`, two-second steps).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DosTime {
    pub date: u16,
    pub time: u16,
}

impl DosTime {
    /// From a calendar date and time of day.
    pub fn new(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> DosTime {
        let y = (y - 1980).clamp(0, 127) as u16;
        DosTime {
            date: (y << 9) | ((mo as u16) << 5) | d as u16,
            time: ((h as u16) << 11) | ((mi as u16) << 5) | (s / 2) as u16,
        }
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A size in a 32-bit header field (`zipfile` writes 0xffffffff past `ZIP64_LIMIT`).
fn field32(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// An archive of `members` (name, uncompressed bytes), each stored or deflated.
pub fn write(members: &[(String, Vec<u8>)], method: u16, when: DosTime) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in members {
        let crc = {
            let mut h = flate2::Crc::new();
            h.update(data);
            h.sum()
        };
        let payload = if method == DEFLATED {
            // zipfile's compressor: zlib level -1 (6), raw deflate
            let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::new(6));
            e.write_all(data)
                .and_then(|_| e.finish())
                .map_err(|e| PyError::value(format!("deflate failed: {e}")))?
        } else {
            data.clone()
        };
        let flags = if name.is_ascii() { 0 } else { UTF8_NAME };
        let (size, csize) = (data.len() as u64, payload.len() as u64);
        let offset = out.len() as u64;
        out.extend_from_slice(LOCAL);
        out.extend_from_slice(&[VERSION, 0]);
        put16(&mut out, flags);
        put16(&mut out, method);
        put16(&mut out, when.time);
        put16(&mut out, when.date);
        put32(&mut out, crc);
        put32(&mut out, field32(csize));
        put32(&mut out, field32(size));
        put16(&mut out, name.len() as u16);
        put16(&mut out, 20);
        out.extend_from_slice(name.as_bytes());
        // force_zip64: the zip64 extra field (id 1, 16 bytes: size, compressed size)
        put16(&mut out, 1);
        put16(&mut out, 16);
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&csize.to_le_bytes());
        out.extend_from_slice(&payload);

        // the central directory's entry: zip64 values only past the 32-bit limits
        let mut extra = Vec::new();
        for v in [size, csize].into_iter().filter(|&v| v > u32::MAX as u64) {
            extra.extend_from_slice(&v.to_le_bytes());
        }
        if offset > u32::MAX as u64 {
            extra.extend_from_slice(&offset.to_le_bytes());
        }
        let version = if extra.is_empty() { VERSION } else { 45 };
        central.extend_from_slice(CENTRAL);
        central.extend_from_slice(&[version, CREATE_SYSTEM_UNIX, version, 0]);
        put16(&mut central, flags);
        put16(&mut central, method);
        put16(&mut central, when.time);
        put16(&mut central, when.date);
        put32(&mut central, crc);
        put32(&mut central, field32(csize));
        put32(&mut central, field32(size));
        put16(&mut central, name.len() as u16);
        let extra_len = if extra.is_empty() { 0 } else { extra.len() + 4 };
        put16(&mut central, extra_len as u16);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put16(&mut central, 0);
        put32(&mut central, EXTERNAL_ATTR);
        put32(&mut central, field32(offset));
        central.extend_from_slice(name.as_bytes());
        if !extra.is_empty() {
            put16(&mut central, 1);
            put16(&mut central, extra.len() as u16);
            central.extend_from_slice(&extra);
        }
    }
    if members.len() > 0xffff || out.len() as u64 > u32::MAX as u64 {
        return Err(PyError::not_implemented(
            "arrsh writes .npz archives under 4 GiB and 65535 members",
        ));
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(END);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, members.len() as u16);
    put16(&mut out, members.len() as u16);
    put32(&mut out, central.len() as u32);
    put32(&mut out, start);
    put16(&mut out, 0);
    Ok(out)
}

/// One member named in the central directory.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub name: String,
    pub method: u16,
    pub size: u64,
    pub csize: u64,
    /// Where its local header starts in the bytes given (prepended bytes counted).
    pub offset: u64,
}

/// `zipfile.BadZipFile`'s words for an archive it cannot read.
fn bad_zip(what: &str) -> PyError {
    PyError::value(format!("Bad zip file: {what}"))
}

fn u16_at(b: &[u8], at: usize) -> PyResult<u16> {
    b.get(at..at + 2)
        .map(|x| u16::from_le_bytes([x[0], x[1]]))
        .ok_or_else(|| bad_zip("truncated"))
}

fn u32_at(b: &[u8], at: usize) -> PyResult<u32> {
    b.get(at..at + 4)
        .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
        .ok_or_else(|| bad_zip("truncated"))
}

fn u64_at(b: &[u8], at: usize) -> PyResult<u64> {
    b.get(at..at + 8)
        .map(|x| {
            let mut a = [0u8; 8];
            a.copy_from_slice(x);
            u64::from_le_bytes(a)
        })
        .ok_or_else(|| bad_zip("truncated"))
}

/// The members of an archive, in central-directory order (`ZipFile.namelist()`).
pub fn members(b: &[u8]) -> PyResult<Vec<Member>> {
    // the end record: the last signature within the comment's reach
    let lo = b.len().saturating_sub(22 + 0xffff);
    let end = (lo..=b.len().saturating_sub(22))
        .rev()
        .find(|&i| b.get(i..i + 4) == Some(END))
        .ok_or_else(|| PyError::value("File is not a zip file"))?;
    let count = u16_at(b, end + 10)? as usize;
    let cd_size = u32_at(b, end + 12)? as u64;
    let cd_offset = u32_at(b, end + 16)? as u64;
    if count == 0xffff || cd_size == u32::MAX as u64 || cd_offset == u32::MAX as u64 {
        return Err(PyError::not_implemented(
            "arrsh reads .npz archives under 4 GiB and 65535 members",
        ));
    }
    // bytes before the archive (`concat` in zipfile._RealGetContents)
    let concat = (end as u64)
        .checked_sub(cd_size + cd_offset)
        .ok_or_else(|| bad_zip("the central directory is out of place"))?;
    let mut at = (cd_offset + concat) as usize;
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        if b.get(at..at + 4) != Some(CENTRAL) {
            return Err(bad_zip("Bad magic number for central directory"));
        }
        let flags = u16_at(b, at + 8)?;
        let method = u16_at(b, at + 10)?;
        let mut csize = u32_at(b, at + 20)? as u64;
        let mut size = u32_at(b, at + 24)? as u64;
        let nlen = u16_at(b, at + 28)? as usize;
        let xlen = u16_at(b, at + 30)? as usize;
        let clen = u16_at(b, at + 32)? as usize;
        let mut offset = u32_at(b, at + 42)? as u64;
        let name_bytes = b
            .get(at + 46..at + 46 + nlen)
            .ok_or_else(|| bad_zip("truncated"))?;
        let name = if flags & UTF8_NAME != 0 || name_bytes.is_ascii() {
            String::from_utf8_lossy(name_bytes).into_owned()
        } else {
            // cp437 for the ASCII-compatible names lessons use; others shown as latin-1
            name_bytes.iter().map(|&c| c as char).collect()
        };
        // the zip64 extra field holds the values whose 32-bit fields are full
        let mut x = at + 46 + nlen;
        let xend = x + xlen;
        while x + 4 <= xend {
            let (id, len) = (u16_at(b, x)?, u16_at(b, x + 2)? as usize);
            if id == 1 {
                let mut p = x + 4;
                for v in [&mut size, &mut csize, &mut offset] {
                    if *v == u32::MAX as u64 && p + 8 <= x + 4 + len {
                        *v = u64_at(b, p)?;
                        p += 8;
                    }
                }
            }
            x += 4 + len;
        }
        out.push(Member {
            name,
            method,
            size,
            csize,
            offset: offset + concat,
        });
        at = xend + clen;
    }
    Ok(out)
}

/// A member's uncompressed bytes (`ZipFile.open(name).read()`).
pub fn read(b: &[u8], m: &Member) -> PyResult<Vec<u8>> {
    let at = m.offset as usize;
    if b.get(at..at + 4) != Some(LOCAL) {
        return Err(bad_zip("Bad magic number for file header"));
    }
    let nlen = u16_at(b, at + 26)? as usize;
    let xlen = u16_at(b, at + 28)? as usize;
    let start = at + 30 + nlen + xlen;
    let data = b
        .get(start..start + m.csize as usize)
        .ok_or_else(|| bad_zip("truncated"))?;
    match m.method {
        STORED => Ok(data.to_vec()),
        DEFLATED => {
            let mut out = Vec::new();
            flate2::read::DeflateDecoder::new(data)
                .take(m.size)
                .read_to_end(&mut out)
                .map_err(|e| bad_zip(&format!("Error -3 while decompressing data: {e}")))?;
            Ok(out)
        }
        other => Err(PyError::not_implemented(format!(
            "arrsh reads stored and deflated .npz members, not compression method {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_reads_back_what_was_written() {
        let when = DosTime::new(2026, 12, 3, 6, 40, 31);
        let members = vec![
            ("a.npy".to_string(), b"hello".to_vec()),
            ("b.npy".to_string(), vec![0u8; 1000]),
        ];
        for method in [STORED, DEFLATED] {
            let z = write(&members, method, when).expect("write");
            let found = members_of(&z);
            assert_eq!(found, vec!["a.npy", "b.npy"], "names in order");
            let ms = super::members(&z).expect("members");
            assert_eq!(read(&z, &ms[1]).expect("read"), vec![0u8; 1000]);
            // with bytes before it, the archive is found all the same (zipfile's concat)
            let mut pre = b"junk".to_vec();
            pre.extend_from_slice(&z);
            let ms = super::members(&pre).expect("prepended");
            assert_eq!(read(&pre, &ms[0]).expect("read"), b"hello".to_vec());
        }
        // zipfile's stored layout: 30 + name + 20 (zip64 extra) + data per member, 46 + name
        // per central entry, 22 for the end record
        let z = write(&members, STORED, when).expect("write");
        assert_eq!(z.len(), 2 * (30 + 5 + 20) + 5 + 1000 + 2 * (46 + 5) + 22);
    }

    fn members_of(z: &[u8]) -> Vec<String> {
        super::members(z)
            .expect("members")
            .into_iter()
            .map(|m| m.name)
            .collect()
    }

    #[test]
    fn what_is_not_a_zip_is_refused() {
        assert!(members(b"not a zip at all, no end record").is_err());
        assert!(members(b"").is_err(), "empty");
    }
}
