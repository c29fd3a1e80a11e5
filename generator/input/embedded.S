/* embedded.S — the bundled DTDs and default plan, NUL-terminated, with
 * their sizes.  Paths are relative to the project root, where make runs. */
	.section .rodata
	.balign 16
	.globl pg_embedded_dtd
pg_embedded_dtd:
	.incbin "input/plan.dtd"
1:	.byte 0
	.balign 8
	.globl pg_embedded_dtd_size
pg_embedded_dtd_size:
	.quad 1b - pg_embedded_dtd

	.balign 16
	.globl pg_embedded_plan
pg_embedded_plan:
	.incbin "input/plan-2019.xml"
2:	.byte 0
	.balign 8
	.globl pg_embedded_plan_size
pg_embedded_plan_size:
	.quad 2b - pg_embedded_plan

	.balign 16
	.globl pg_embedded_avance_dtd
pg_embedded_avance_dtd:
	.incbin "input/avance.dtd"
3:	.byte 0
	.balign 8
	.globl pg_embedded_avance_dtd_size
pg_embedded_avance_dtd_size:
	.quad 3b - pg_embedded_avance_dtd

	.balign 16
	.globl pg_embedded_rendicion_dtd
pg_embedded_rendicion_dtd:
	.incbin "input/rendicion.dtd"
4:	.byte 0
	.balign 8
	.globl pg_embedded_rendicion_dtd_size
pg_embedded_rendicion_dtd_size:
	.quad 4b - pg_embedded_rendicion_dtd

	.section .note.GNU-stack,"",@progbits
