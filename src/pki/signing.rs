//! Signing and checking short messages with a certificate's key (PKCS#1 v1.5, SHA-256), as
//! certificate login does.

use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::sha2::Sha256;
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::{PrivateKey, PublicKey};

/// Signs `message` with `key`.
pub fn sign(key: &PrivateKey, message: &[u8]) -> Vec<u8> {
    SigningKey::<Sha256>::new(key.clone())
        .sign(message)
        .to_vec()
}

/// Whether `signature` is `key`'s over `message`.
pub fn verify(key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
    Signature::try_from(signature).is_ok_and(|signature| {
        VerifyingKey::<Sha256>::new(key.clone())
            .verify(message, &signature)
            .is_ok()
    })
}
