package dev.ecswasm.ecs;

/**
 * A check, made as an outermost atomic call starts, that the stack has room for its undo.
 *
 * <p>If an atomic call runs out of stack part-way, its undo runs from where the outermost call began
 * (a nested call that cannot finish its own undo leaves the rest to it: see {@link Journal#rollBack})
 * and needs a few frames of its own. The JVM checks, on entering any method, that the method's frame
 * and a shadow zone beyond it (about 80 KB on x86-64) are free, and throws StackOverflowError
 * otherwise. So one call to a method with a large frame reserves that frame's size for later: if the
 * stack is too full, the error is thrown here, before anything has changed.
 *
 * <p>{@link #reserve} declares {@value #SLOTS} long locals it never uses, which javac still gives a
 * slot each: an interpreted frame of about 8 KB, and compiled code bangs the stack for the frame the
 * method would need if it were deoptimized back into the interpreter (the branch that is never taken
 * keeps such a point). One call replaces the 48 recursive calls made before (about 5 KB interpreted),
 * which cost 60-110 ns on every manager call. A margin, not a proof: frame sizes are the JVM's.
 */
final class StackReserve {
    static final int SLOTS = 512;

    private StackReserve() {}

    static void check() {
        if (reserve(0) != 0) {
            throw new AssertionError("the stack reserve miscounted");
        }
    }

    @SuppressWarnings("unused")
    private static int reserve(int depth) {
        long r0, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11, r12, r13, r14, r15;
        long r16, r17, r18, r19, r20, r21, r22, r23, r24, r25, r26, r27, r28, r29, r30, r31;
        long r32, r33, r34, r35, r36, r37, r38, r39, r40, r41, r42, r43, r44, r45, r46, r47;
        long r48, r49, r50, r51, r52, r53, r54, r55, r56, r57, r58, r59, r60, r61, r62, r63;
        long r64, r65, r66, r67, r68, r69, r70, r71, r72, r73, r74, r75, r76, r77, r78, r79;
        long r80, r81, r82, r83, r84, r85, r86, r87, r88, r89, r90, r91, r92, r93, r94, r95;
        long r96, r97, r98, r99, r100, r101, r102, r103, r104, r105, r106, r107, r108, r109, r110, r111;
        long r112, r113, r114, r115, r116, r117, r118, r119, r120, r121, r122, r123, r124, r125, r126, r127;
        long r128, r129, r130, r131, r132, r133, r134, r135, r136, r137, r138, r139, r140, r141, r142, r143;
        long r144, r145, r146, r147, r148, r149, r150, r151, r152, r153, r154, r155, r156, r157, r158, r159;
        long r160, r161, r162, r163, r164, r165, r166, r167, r168, r169, r170, r171, r172, r173, r174, r175;
        long r176, r177, r178, r179, r180, r181, r182, r183, r184, r185, r186, r187, r188, r189, r190, r191;
        long r192, r193, r194, r195, r196, r197, r198, r199, r200, r201, r202, r203, r204, r205, r206, r207;
        long r208, r209, r210, r211, r212, r213, r214, r215, r216, r217, r218, r219, r220, r221, r222, r223;
        long r224, r225, r226, r227, r228, r229, r230, r231, r232, r233, r234, r235, r236, r237, r238, r239;
        long r240, r241, r242, r243, r244, r245, r246, r247, r248, r249, r250, r251, r252, r253, r254, r255;
        long r256, r257, r258, r259, r260, r261, r262, r263, r264, r265, r266, r267, r268, r269, r270, r271;
        long r272, r273, r274, r275, r276, r277, r278, r279, r280, r281, r282, r283, r284, r285, r286, r287;
        long r288, r289, r290, r291, r292, r293, r294, r295, r296, r297, r298, r299, r300, r301, r302, r303;
        long r304, r305, r306, r307, r308, r309, r310, r311, r312, r313, r314, r315, r316, r317, r318, r319;
        long r320, r321, r322, r323, r324, r325, r326, r327, r328, r329, r330, r331, r332, r333, r334, r335;
        long r336, r337, r338, r339, r340, r341, r342, r343, r344, r345, r346, r347, r348, r349, r350, r351;
        long r352, r353, r354, r355, r356, r357, r358, r359, r360, r361, r362, r363, r364, r365, r366, r367;
        long r368, r369, r370, r371, r372, r373, r374, r375, r376, r377, r378, r379, r380, r381, r382, r383;
        long r384, r385, r386, r387, r388, r389, r390, r391, r392, r393, r394, r395, r396, r397, r398, r399;
        long r400, r401, r402, r403, r404, r405, r406, r407, r408, r409, r410, r411, r412, r413, r414, r415;
        long r416, r417, r418, r419, r420, r421, r422, r423, r424, r425, r426, r427, r428, r429, r430, r431;
        long r432, r433, r434, r435, r436, r437, r438, r439, r440, r441, r442, r443, r444, r445, r446, r447;
        long r448, r449, r450, r451, r452, r453, r454, r455, r456, r457, r458, r459, r460, r461, r462, r463;
        long r464, r465, r466, r467, r468, r469, r470, r471, r472, r473, r474, r475, r476, r477, r478, r479;
        long r480, r481, r482, r483, r484, r485, r486, r487, r488, r489, r490, r491, r492, r493, r494, r495;
        long r496, r497, r498, r499, r500, r501, r502, r503, r504, r505, r506, r507, r508, r509, r510, r511;
        if (depth < 0) { // never true: a deoptimization point, which keeps the whole frame in compiled code's bang
            return reserve(depth + 1);
        }
        return depth;
    }
}
