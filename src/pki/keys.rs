//! RSA key pairs at our floor: 2048 bits, e = 65537.

use rsa::traits::PublicKeyParts;
use rsa::{PrivateKey, PublicKey};

use super::{PkiError, Result};

/// The key size we make and the least we accept.
pub const KEY_BITS: usize = 2048;

/// A fresh RSA-2048 key with e = 65537, from the platform CSPRNG.
pub fn generate() -> Result<PrivateKey> {
    Ok(PrivateKey::new(&mut getrandom::SysRng, KEY_BITS)?)
}

/// A key made elsewhere (the platform's `generateKey`), as PKCS#8 DER: loaded, checked as the
/// rsa crate checks the keys it makes, and at our floor.
pub fn from_pkcs8(der: &[u8]) -> Result<PrivateKey> {
    use rsa::pkcs8::DecodePrivateKey;
    let key = PrivateKey::from_pkcs8_der(der).map_err(|e| PkiError::Invalid(e.to_string()))?;
    key.validate()?;
    check_strength(&key.to_public_key())?;
    Ok(key)
}

/// Refuses keys under 2048 bits or with an exponent other than 65537.
pub fn check_strength(key: &PublicKey) -> Result<()> {
    let bits = key.n().bit_width() as usize;
    if bits < KEY_BITS {
        return Err(PkiError::WeakKey(format!("{bits}-bit modulus")));
    }
    let e = key.e().to_be_bytes();
    let significant: Vec<u8> = e.iter().copied().skip_while(|b| *b == 0).collect();
    if significant != [0x01, 0x00, 0x01] {
        return Err(PkiError::WeakKey("public exponent is not 65537".to_owned()));
    }
    Ok(())
}
