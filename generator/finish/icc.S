/* icc.S — the sRGB ICC profile of the PDF/A output intent (pdfa.c):
 * Debian's icc-profiles-free (zlib licence), read when plangen is built
 * (tools/deps.sh installs it). */
	.section .rodata
	.balign 16
	.globl pg_icc_srgb
pg_icc_srgb:
	.incbin "/usr/share/color/icc/sRGB.icc"
1:
	.balign 8
	.globl pg_icc_srgb_size
pg_icc_srgb_size:
	.quad 1b - pg_icc_srgb

	.section .note.GNU-stack,"",@progbits
